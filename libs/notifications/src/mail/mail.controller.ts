import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AcceptsBody, Endpoint, FORM_MEDIA_TYPE, GenericErrors, PageQuery } from '@mutuals/core';
import type { MailPage, MailStatus, MailView, UnsubscribeView } from '@mutuals/contracts';
import { CoordinatorOnly, Public } from '@mutuals/identity';
import { MailService } from './mail.service';
import { NotificationsErrors } from '../notifications.errors';

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

  @Endpoint({
    summary: 'Describe what an unsubscribe link turns off',
    response: 'UnsubscribeView',
    errors: [NotificationsErrors.unsubscribeLinkInvalid],
  })
  @Get()
  describe(@Query() query: UnsubscribeQuery): Promise<UnsubscribeView> {
    return this.mail.describeUnsubscribe(query.token);
  }

  /** RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` here; the web page posts too. */
  @Endpoint({
    summary: 'Turn off a kind of mail with a signed link (RFC 8058 one-click)',
    response: 'UnsubscribeView',
    errors: [NotificationsErrors.unsubscribeLinkInvalid],
  })
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

  @Endpoint({ summary: 'List the mail outbox (sent, queued, dead letters)', response: 'MailPage', errors: [GenericErrors.invalidCursor] })
  @Get()
  list(@Query() query: MailListQuery): Promise<MailPage> {
    return this.mail.list(query);
  }

  @Endpoint({ summary: 'Read one mail of the outbox', response: 'MailView', errors: [NotificationsErrors.mailNotFound] })
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<MailView> {
    return this.mail.get(id);
  }

  @Endpoint({
    summary: 'Send a dead-lettered mail again',
    response: 'MailView',
    errors: [NotificationsErrors.mailNotDead, NotificationsErrors.mailNotFound],
  })
  @Post(':id/retry')
  @HttpCode(200)
  retry(@Param('id', ParseUUIDPipe) id: string): Promise<MailView> {
    return this.mail.retry(id);
  }
}
