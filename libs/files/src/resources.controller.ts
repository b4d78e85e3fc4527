import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AllowPending, AuthUser, CurrentUser } from '@mutuals/identity';
import { CreateResourceDto, ResourceQueryDto } from './files.dto';
import { ResourcesService } from './resources.service';

const uuid = new ParseUUIDPipe();

@ApiTags('resources')
@Controller('resources')
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @AllowPending()
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ResourceQueryDto) {
    return this.resources.list(user, query);
  }

  @Post()
  publish(@CurrentUser() user: AuthUser, @Body() body: CreateResourceDto) {
    return this.resources.publish(user, body);
  }

  @AllowPending()
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.resources.get(user, id);
  }

  /** Counts the download, then sends the caller to the file's immutable URL. */
  @AllowPending()
  @Get(':id/download')
  async download(@Param('id', uuid) id: string, @Res() reply: FastifyReply) {
    reply.redirect(await this.resources.download(id), 303);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.resources.remove(user, id);
  }
}
