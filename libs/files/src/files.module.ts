import { Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@mutuals/core';
import { IdentityModule } from '@mutuals/identity';
import { ProfilesModule } from '@mutuals/profiles';
import { DataSource } from 'typeorm';
import { ResourceEntity } from './entities/resource.entity';
import { StoredFileEntity } from './entities/stored-file.entity';
import { FileAccessRegistry } from './file-access';
import { FileCache } from './file-cache';
import { FilesController } from './files.controller';
import { FilesMemberDataService } from './files-member-data.service';
import { FilesRepository } from './files.repository';
import { FilesService } from './files.service';
import { ResourcesController } from './resources.controller';
import { ResourcesRepository } from './resources.repository';
import { ResourcesService } from './resources.service';
import { FILE_STORAGE } from './storage/file-storage';
import { PostgresFileStorage } from './storage/postgres-storage';

@Module({
  imports: [IdentityModule, ProfilesModule, TypeOrmModule.forFeature([StoredFileEntity, ResourceEntity])],
  controllers: [FilesController, ResourcesController],
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG, getDataSourceToken()],
      // The AWS SDK (about 20 MB resident) is loaded only by a server that stores files in a bucket.
      useFactory: async (config: AppConfig, db: DataSource) =>
        config.files.s3 ? new (await import('./storage/s3-storage')).S3FileStorage(config.files.s3) : new PostgresFileStorage(db),
    },
    FilesRepository,
    ResourcesRepository,
    FileAccessRegistry,
    FileCache,
    FilesService,
    FilesMemberDataService,
    ResourcesService,
  ],
  exports: [FilesService, FilesMemberDataService, ResourcesService, FileAccessRegistry],
})
export class FilesModule {}
