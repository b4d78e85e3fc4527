import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AcceptsBody, Endpoint, GenericErrors } from '@mutuals/core';
import { AllowPending, AuthUser, CurrentUser, IdentityErrors } from '@mutuals/identity';
import { FileParams, SetImageDto, UploadQuery } from './files.dto';
import { Download, FilesService } from './files.service';
import { multipartFileReader } from './received-file';
import { ProfilesErrors } from '@mutuals/profiles';
import { FilesErrors } from './files.errors';

const uuid = new ParseUUIDPipe();

const MULTIPART_FILE = { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } };

function send(reply: FastifyReply, download: Download): void {
  reply.status(download.status).headers(download.headers);
  if (download.body) reply.header('Content-Length', String(download.body.length)).send(download.body);
  else reply.send();
}

@ApiTags('files')
@Controller()
export class FilesController {
  constructor(private readonly files: FilesService) {}

  /** multipart/form-data with one part named `file`; a draft only its uploader sees until used. */
  @Endpoint({
    summary: 'Upload a file (multipart, one part named file)',
    response: 'FileView',
    errors: [
      GenericErrors.rateLimited,
      FilesErrors.awaitingApproval,
      FilesErrors.emptyFile,
      FilesErrors.fileTooLarge,
      FilesErrors.imageTooLarge,
      FilesErrors.noFile,
      FilesErrors.quotaExceeded,
      FilesErrors.unreadableImage,
      FilesErrors.unsupportedType,
    ],
  })
  @AllowPending()
  @Post('files')
  @AcceptsBody('multipart/form-data')
  @ApiConsumes('multipart/form-data')
  @ApiBody(MULTIPART_FILE)
  upload(@CurrentUser() user: AuthUser, @Query() query: UploadQuery, @Req() request: FastifyRequest) {
    return this.files.upload(user, query.purpose, multipartFileReader(request));
  }

  @Endpoint({
    summary: 'Download a file by its id and content hash (immutable; Range and ETag)',
    response: null,
    produces: 'application/octet-stream',
    errors: [FilesErrors.fileNotFound],
  })
  @AllowPending()
  @Get('files/:id/:hash')
  async download(
    @CurrentUser() user: AuthUser,
    @Param() params: FileParams,
    @Headers('range') range: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ) {
    send(reply, await this.files.download(user, params.id, params.hash, { range, ifNoneMatch }));
  }

  @Endpoint({
    summary: 'Set your avatar from an uploaded image',
    response: 'ImageSetView',
    errors: [FilesErrors.notYourFile, IdentityErrors.memberNotFound],
  })
  @AllowPending()
  @Put('me/avatar')
  setAvatar(@CurrentUser() user: AuthUser, @Body() body: SetImageDto) {
    return this.files.setAvatar(user, body.fileId);
  }

  @Endpoint({ summary: 'Remove your avatar', response: null, errors: [FilesErrors.notYourFile, IdentityErrors.memberNotFound] })
  @AllowPending()
  @Delete('me/avatar')
  @HttpCode(204)
  async removeAvatar(@CurrentUser() user: AuthUser) {
    await this.files.setAvatar(user, null);
  }

  @Endpoint({
    summary: "Set your organisation's logo from an uploaded image",
    response: 'ImageSetView',
    errors: [FilesErrors.notYourFile, ProfilesErrors.notOrganisationMember, ProfilesErrors.organisationNotFound],
  })
  @Put('organisations/:id/logo')
  setLogo(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: SetImageDto) {
    return this.files.setLogo(user, id, body.fileId);
  }

  @Endpoint({
    summary: "Remove your organisation's logo",
    response: null,
    errors: [FilesErrors.notYourFile, ProfilesErrors.notOrganisationMember, ProfilesErrors.organisationNotFound],
  })
  @Delete('organisations/:id/logo')
  @HttpCode(204)
  async removeLogo(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    await this.files.setLogo(user, id, null);
  }
}
