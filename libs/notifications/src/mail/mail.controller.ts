import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AcceptsBody, FORM_MEDIA_TYPE, PageQuery } from '@mutuals/core';
import type { MailPage, MailStatus, MailView, UnsubscribeView } from '@mutuals/contracts';
import { CoordinatorOnly, Public } from '@mutuals/identity';
import { MailService } from './mail.service';

const STATUSES: MailStatus[] = ['pending', 'sending', 'sent', 'kept', 'skipped', 'dead'];

class MailListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: MailStatus;
}

class UnsubscribeQuery {
  @ApiProperty({ description: 'The signed token of the mail’s unsubscribe link' }) @IsString() @MaxLength(300) token!: string;
}

/** The signed link of every mail: it works without signing in. */
@ApiTags('mail')
@Public()
@Controller('mail/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly mail: MailService) {}

  @Get()
  describe(@Query() query: UnsubscribeQuery): Promise<UnsubscribeView> {
    return this.mail.describeUnsubscribe(query.token);
  }

  /** RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` here; the web page posts too. */
  @Post()
  @AcceptsBody(FORM_MEDIA_TYPE)
  @HttpCode(200)
  unsubscribe(@Query() query: UnsubscribeQuery): Promise<UnsubscribeView> {
    return this.mail.unsubscribe(query.token);
  }
}

/** The mailbox: every mail the platform wrote, what became of it, and the dead letters to retry. */
@ApiTags('admin')
@CoordinatorOnly()
@Controller('admin/mail')
export class MailAdminController {
  constructor(private readonly mail: MailService) {}

  @Get()
  list(@Query() query: MailListQuery): Promise<MailPage> {
    return this.mail.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<MailView> {
    return this.mail.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  retry(@Param('id', ParseUUIDPipe) id: string): Promise<MailView> {
    return this.mail.retry(id);
  }
}
