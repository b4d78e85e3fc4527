import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import type {
  DigestFrequency,
  NotificationChannel,
  NotificationPreferencesView,
  UpdateNotificationPreferencesRequest,
} from '@mutuals/contracts';
import { AllowPending, AuthUser, CurrentUser } from '@mutuals/identity';
import { PreferencesService } from './preferences.service';
import { NotificationsErrors } from '../notifications.errors';
import { Endpoint } from '@mutuals/core';

const CHANNELS: NotificationChannel[] = ['app', 'email', 'digest', 'off'];
const FREQUENCIES: DigestFrequency[] = ['daily', 'weekly', 'off'];

class KindChoiceDto {
  @ApiProperty({ example: 'forum.mention' }) @IsString() @MaxLength(40) kind!: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: NotificationChannel;
}

class UpdateNotificationPreferencesDto implements UpdateNotificationPreferencesRequest {
  @ApiPropertyOptional({ type: [KindChoiceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => KindChoiceDto)
  kinds?: KindChoiceDto[];

  @ApiPropertyOptional({ enum: FREQUENCIES }) @IsOptional() @IsIn(FREQUENCIES) digest?: DigestFrequency;
}

@ApiTags('notifications')
@AllowPending()
@Controller('me/notification-preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Endpoint({ summary: 'Your notification and mail preferences', response: 'NotificationPreferencesView', errors: [] })
  @Get()
  get(@CurrentUser() user: AuthUser): Promise<NotificationPreferencesView> {
    return this.preferences.view(user.id);
  }

  @Endpoint({
    summary: 'Change your notification and mail preferences',
    response: 'NotificationPreferencesView',
    errors: [NotificationsErrors.invalid],
  })
  @Put()
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesView> {
    return this.preferences.update(user.id, body);
  }
}
