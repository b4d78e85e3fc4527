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
import { CHAT_MESSAGE_MAX_LENGTH } from '@mutuals/contracts';
import { AttachmentDto, MAX_ATTACHMENTS } from '@mutuals/files';
import type { CreateConversationRequest, SendChatMessageRequest } from '@mutuals/contracts';

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
  title?: string;
}

export class SendMessageDto implements SendChatMessageRequest {
  @ApiProperty({ description: 'Your own UUID for this send: a retry with the same one returns the stored message' })
  @IsUUID()
  clientId!: string;

  @ApiProperty({ maxLength: CHAT_MESSAGE_MAX_LENGTH, description: 'Markdown' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CHAT_MESSAGE_MAX_LENGTH)
  body!: string;

  @ApiPropertyOptional({ type: [AttachmentDto], maxItems: MAX_ATTACHMENTS })
  @IsOptional()
  @ArrayMaxSize(MAX_ATTACHMENTS)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}

export class EditMessageDto {
  @ApiProperty({ maxLength: CHAT_MESSAGE_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CHAT_MESSAGE_MAX_LENGTH)
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

export class MarkConversationReadDto {
  @ApiProperty()
  @IsInt()
  @Min(0)
  seq!: number;
}
