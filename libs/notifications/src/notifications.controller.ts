import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { Endpoint, GenericErrors, PageQuery } from '@mutuals/core';
import type { MarkNotificationsReadRequest, NotificationFeedPage } from '@mutuals/contracts';
import { AllowPending, AuthUser, CurrentUser } from '@mutuals/identity';
import { NotificationsService } from './notifications.service';

class FeedQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

class MarkNotificationsReadDto implements MarkNotificationsReadRequest {
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) ids?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() all?: boolean;
}

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Endpoint({ summary: 'Your notifications, newest first', response: 'NotificationFeedPage', errors: [GenericErrors.invalidCursor] })
  @Get()
  feed(@CurrentUser() user: AuthUser, @Query() query: FeedQuery): Promise<NotificationFeedPage> {
    return this.notifications.feed(user.id, query);
  }

  @Endpoint({ summary: 'Mark notifications read', response: '{ updated: number }', errors: [] })
  @AllowPending()
  @Post('read')
  @HttpCode(200)
  markRead(@CurrentUser() user: AuthUser, @Body() body: MarkNotificationsReadDto) {
    return this.notifications.markRead(user.id, body);
  }
}
