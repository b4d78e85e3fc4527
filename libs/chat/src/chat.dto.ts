import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CHAT_MESSAGE_MAX_LENGTH,
  type ChatReadEvent,
  type ChatSendEvent,
  type ChatSyncEvent,
  type ChatTypingEvent,
  type CreateConversationRequest,
  type EditChatMessageRequest,
  type MarkConversationReadRequest,
  type RenameGroupRequest,
  type SendChatMessageRequest,
} from '@mutuals/contracts';
import { IsVisibleName } from '@mutuals/core';
import { AttachmentDto, MAX_ATTACHMENTS } from '@mutuals/files';

export class CreateConversationDto implements CreateConversationRequest {
  @ApiProperty({ enum: ['direct', 'group'] })
  @IsIn(['direct', 'group'])
  kind!: 'direct' | 'group';

  @ApiProperty({ type: [String], description: 'direct: exactly one other member; group: 1 to 49' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(49)
  @IsUUID('all', { each: true })
  memberIds!: string[];

  @ApiPropertyOptional({ description: 'Required for a group', maxLength: 120 })
  @ValidateIf((dto: CreateConversationDto) => dto.kind === 'group' || dto.title !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  @IsVisibleName()
  title?: string;
}

// The length of a body is the messages service's rule (one answer on HTTP and socket); here only its shape.
export class SendMessageDto implements SendChatMessageRequest {
  @ApiProperty({ description: 'Your own UUID for this send: a retry with the same one returns the stored message' })
  @IsUUID()
  clientId!: string;

  @ApiProperty({ maxLength: CHAT_MESSAGE_MAX_LENGTH, description: 'Markdown' })
  @IsString()
  @IsNotEmpty()
  body!: string;

  @ApiPropertyOptional({ type: [AttachmentDto], maxItems: MAX_ATTACHMENTS })
  @IsOptional()
  @ArrayMaxSize(MAX_ATTACHMENTS)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}

export class EditMessageDto implements EditChatMessageRequest {
  @ApiProperty({ maxLength: CHAT_MESSAGE_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  body!: string;
}

export class HistoryQuery {
  @ApiPropertyOptional({ description: 'Older messages than this seq' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  beforeSeq?: number;

  @ApiPropertyOptional({ description: 'Newer messages than this seq (sync)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterSeq?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 50;
}

export class MarkConversationReadDto implements MarkConversationReadRequest {
  @ApiProperty()
  @IsInt()
  @Min(0)
  seq!: number;
}

export class RenameGroupDto implements RenameGroupRequest {
  @ApiProperty({ maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  @IsVisibleName()
  title!: string;
}

// Socket payloads, checked by the same ValidationPipe as HTTP bodies (see SocketRequests).

/** chat:typing and chat:join. */
export class ConversationRefDto implements ChatTypingEvent {
  @ApiProperty() @IsUUID() conversationId!: string;
}

/** chat:send */
export class SendEventDto extends SendMessageDto implements ChatSendEvent {
  @ApiProperty() @IsUUID() conversationId!: string;
}

/** chat:sync */
export class SyncEventDto extends ConversationRefDto implements ChatSyncEvent {
  @ApiProperty() @IsInt() @Min(0) afterSeq!: number;
}

/** chat:read */
export class ReadEventDto extends ConversationRefDto implements ChatReadEvent {
  @ApiProperty() @IsInt() @Min(0) seq!: number;
}
