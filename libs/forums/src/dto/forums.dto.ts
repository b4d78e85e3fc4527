import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
import { IsVisibleName, PageQuery } from '@mutuals/core';
import { AttachmentDto, MAX_ATTACHMENTS } from '@mutuals/files';
import type {
  EditForumPostRequest,
  FlagForumPostRequest,
  ForumFlagAction,
  ForumPreviewRequest,
  ForumToggleRequest,
  MarkThreadReadRequest,
  ReorderForumCategoriesRequest,
  ResolveForumFlagRequest,
  UpdateForumCategoryRequest,
} from '@mutuals/contracts';
import { withoutNul } from '../post-text';
import type { CreateForumCategoryRequest, CreateForumPostRequest, CreateForumThreadRequest } from '@mutuals/contracts';

// Postgres text cannot hold NUL (post bodies are cleaned the same way in the service).
const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? withoutNul(value).trim() : value));

/** Long enough for a detailed answer, short enough to keep a thread page light. */
export const MAX_POST_LENGTH = 20_000;

export class CreateCategoryDto implements CreateForumCategoryRequest {
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

export class UpdateCategoryDto implements UpdateForumCategoryRequest {
  @ApiPropertyOptional() @IsOptional() @trimmed() @IsString() @Length(2, 80) name?: string;

  @ApiPropertyOptional() @IsOptional() @trimmed() @IsString() @MaxLength(300) description?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(40)
  sectorSlug?: string | null;
}

export class ReorderCategoriesDto implements ReorderForumCategoriesRequest {
  @ApiProperty({ type: [String], description: 'Every category id, first to last' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class PostBodyDto implements EditForumPostRequest {
  @ApiProperty({ description: 'Markdown' })
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(MAX_POST_LENGTH)
  body!: string;
}

/** A new thread or reply: a UUID made once per composed post (sent again on every retry), and its uploads. */
class NewPostDto extends PostBodyDto {
  @ApiPropertyOptional({
    description: 'Made once per composed post by the client and reused on a retry: the same one answers the stored original (200)',
  })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  /** Uploads (purpose attachment), claimed in the post's transaction. */
  @ApiPropertyOptional({ type: [AttachmentDto], maxItems: MAX_ATTACHMENTS })
  @IsOptional()
  @ArrayMaxSize(MAX_ATTACHMENTS)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}

export class CreateThreadDto extends NewPostDto implements CreateForumThreadRequest {
  @ApiProperty() @IsUUID() categoryId!: string;

  @ApiProperty() @trimmed() @IsString() @Length(3, 160) @IsVisibleName() title!: string;
}

export class CreatePostDto extends NewPostDto implements CreateForumPostRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID() replyToPostId?: string;
}

/** forum:watch and forum:unwatch. */
export class ThreadRefDto {
  @ApiProperty() @IsUUID() threadId!: string;
}

export class PreviewDto implements ForumPreviewRequest {
  @ApiProperty({ description: 'Markdown' }) @IsString() @MaxLength(MAX_POST_LENGTH) body!: string;
}

export class MarkThreadReadDto implements MarkThreadReadRequest {
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

export class FlagDto implements FlagForumPostRequest {
  @ApiProperty() @trimmed() @IsString() @Length(3, 500) reason!: string;
}

export class FlagQueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'resolved'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'resolved'])
  status: 'open' | 'resolved' = 'open';
}

export class ResolveFlagDto implements ResolveForumFlagRequest {
  @ApiProperty({ enum: ['hide', 'dismiss'] }) @IsIn(['hide', 'dismiss']) action!: ForumFlagAction;
}

export class ToggleDto implements ForumToggleRequest {
  @ApiProperty() @IsBoolean() value!: boolean;
}
