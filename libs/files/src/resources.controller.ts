import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AllowPending, AuthUser, CurrentUser } from '@mutuals/identity';
import { CreateResourceDto, ResourceQueryDto } from './files.dto';
import { ResourcesService } from './resources.service';
import { FilesErrors } from './files.errors';
import { Endpoint, GenericErrors } from '@mutuals/core';

const uuid = new ParseUUIDPipe();

@ApiTags('resources')
@Controller('resources')
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Endpoint({ summary: 'Browse the resource library', response: 'Page<ResourceView>', errors: [GenericErrors.invalidCursor] })
  @AllowPending()
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ResourceQueryDto) {
    return this.resources.list(user, query);
  }

  @Endpoint({
    summary: 'Publish a document in the resource library',
    response: 'ResourceView',
    errors: [FilesErrors.notYourFile, FilesErrors.resourceNotFound],
  })
  @Post()
  publish(@CurrentUser() user: AuthUser, @Body() body: CreateResourceDto) {
    return this.resources.publish(user, body);
  }

  @Endpoint({ summary: 'Read a resource', response: 'ResourceView', errors: [FilesErrors.resourceNotFound] })
  @AllowPending()
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.resources.get(user, id);
  }

  /** Counts the download, then sends the caller to the file's immutable URL. */
  @Endpoint({
    summary: 'Download a resource (counts it, then redirects to the file)',
    response: null,
    status: 303,
    errors: [FilesErrors.resourceNotFound],
  })
  @AllowPending()
  @Get(':id/download')
  async download(@Param('id', uuid) id: string, @Res() reply: FastifyReply) {
    reply.redirect(await this.resources.download(id), 303);
  }

  @Endpoint({
    summary: 'Remove a resource you published',
    response: null,
    errors: [FilesErrors.notYourResource, FilesErrors.resourceNotFound],
  })
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.resources.remove(user, id);
  }
}
