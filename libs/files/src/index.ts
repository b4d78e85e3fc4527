export { FilesModule } from './files.module';
export { FilesService } from './files.service';
export { FilesMemberDataService } from './files-member-data.service';
export { FilesErrors } from './files.errors';
export { ResourcesService } from './resources.service';
export { FileAccessRegistry, type AttachmentTarget, type FileOwnerCheck } from './file-access';
export { WithAttachmentsDto, AttachmentDto, MAX_ATTACHMENTS } from './files.dto';
