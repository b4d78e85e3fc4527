import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@mutuals/core';
import { AttachmentDto, MAX_ATTACHMENTS } from '@mutuals/files';
import type { ForumFlagAction } from '@mutuals/contracts';
import { withoutNul } from '../post-text';

// Postgres text cannot hold NUL (post bodies are cleaned the same way in the service).
const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? withoutNul(value).trim() : value));

/** Long enough for a detailed answer, short enough to keep a thread page light. */
export const MAX_POST_LENGTH = 20_000;

export class CreateCategoryDto {
  @ApiProperty({ example: 'legal-and-governance' })
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lower-case words joined by hyphens' })
  @MaxLength(60)
  slug!: string;

  @ApiProperty() @trimmed() @IsString() @Length(2, 80) name!: string;

  @ApiProperty() @trimmed() @IsString() @MaxLength(300) description!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(40)
  sectorSlug?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10_000) position?: number;
}

export class PostBodyDto {
  @ApiProperty({ description: 'Markdown' })
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(MAX_POST_LENGTH)
  body!: string;
}

/** A new post may carry uploads (purpose attachment), claimed in the post's transaction. */
export class NewPostDto extends PostBodyDto {
  @ApiPropertyOptional({ type: [AttachmentDto], maxItems: MAX_ATTACHMENTS })
  @IsOptional()
  @ArrayMaxSize(MAX_ATTACHMENTS)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}

export class CreateThreadDto extends NewPostDto {
  @ApiProperty() @IsUUID() categoryId!: string;

  @ApiProperty() @trimmed() @IsString() @Length(3, 160) title!: string;
}

export class CreatePostDto extends NewPostDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() replyToPostId?: string;
}

export class PreviewDto {
  @ApiProperty({ description: 'Markdown' }) @IsString() @MaxLength(MAX_POST_LENGTH) body!: string;
}

export class MarkThreadReadDto {
  @ApiProperty() @IsUUID() lastReadPostId!: string;
}

export class SearchQuery extends PageQuery {
  @ApiProperty({ description: 'Web search syntax: words, "a phrase", -excluded, or' })
  @trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q!: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() categoryId?: string;
}

export class FlagDto {
  @ApiProperty() @trimmed() @IsString() @Length(3, 500) reason!: string;
}

export class FlagQueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'resolved'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'resolved'])
  status: 'open' | 'resolved' = 'open';
}

export class ResolveFlagDto {
  @ApiProperty({ enum: ['hide', 'dismiss'] }) @IsIn(['hide', 'dismiss']) action!: ForumFlagAction;
}

export class ToggleDto {
  @ApiProperty() @IsBoolean() value!: boolean;
}
