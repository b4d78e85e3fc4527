import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AcceptsBody } from '@mutuals/core';
import { AllowPending, AuthUser, CurrentUser, OptionalUser, Public } from '@mutuals/identity';
import { FileParams, SetImageDto, UploadQuery } from './files.dto';
import { Download, FilesService } from './files.service';
import { multipartFileReader } from './received-file';

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
  @AllowPending()
  @Post('files')
  @AcceptsBody('multipart/form-data')
  @ApiConsumes('multipart/form-data')
  @ApiBody(MULTIPART_FILE)
  upload(@CurrentUser() user: AuthUser, @Query() query: UploadQuery, @Req() request: FastifyRequest) {
    return this.files.upload(user, query.purpose, multipartFileReader(request));
  }

  /** Public so that a published story's cover shows to signed-out readers; every other file still needs its viewer. */
  @Public()
  @Get('files/:id/:hash')
  async download(
    @OptionalUser() user: AuthUser | null,
    @Param() params: FileParams,
    @Headers('range') range: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ) {
    send(reply, await this.files.download(user, params.id, params.hash, { range, ifNoneMatch }));
  }

  @AllowPending()
  @Put('me/avatar')
  setAvatar(@CurrentUser() user: AuthUser, @Body() body: SetImageDto) {
    return this.files.setAvatar(user, body.fileId);
  }

  @AllowPending()
  @Delete('me/avatar')
  @HttpCode(204)
  async removeAvatar(@CurrentUser() user: AuthUser) {
    await this.files.setAvatar(user, null);
  }

  @Put('organisations/:id/logo')
  setLogo(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: SetImageDto) {
    return this.files.setLogo(user, id, body.fileId);
  }

  @Delete('organisations/:id/logo')
  @HttpCode(204)
  async removeLogo(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    await this.files.setLogo(user, id, null);
  }
}
