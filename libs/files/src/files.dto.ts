import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { PageQuery } from '@mutuals/core';
import {
  FILE_PURPOSES,
  type AttachmentInput,
  type CreateResourceRequest,
  type FilePurpose,
  type ResourceQuery,
  type SetImageRequest,
} from '@mutuals/contracts';
import { STAGES, SUPPORT_AREAS } from '@mutuals/profiles';

// Postgres text cannot hold NUL.
const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.replaceAll('\0', '').trim() : value));

/** How many files one post or message may carry. */
export const MAX_ATTACHMENTS = 6;

export class UploadQuery {
  @ApiProperty({ enum: FILE_PURPOSES, description: 'Sets the size limit, the types accepted and how images are resized' })
  @IsIn(FILE_PURPOSES)
  purpose!: FilePurpose;
}

export class FileParams {
  @ApiProperty() @IsUUID() id!: string;

  @ApiProperty({ description: 'The SHA-256 of the content, from the file URL' })
  @IsString()
  @Length(64, 64)
  hash!: string;
}

export class SetImageDto implements SetImageRequest {
  @ApiProperty({ description: 'An upload made with the matching purpose (avatar or logo)' })
  @IsUUID()
  fileId!: string;
}

export class AttachmentDto implements AttachmentInput {
  @ApiProperty({ description: 'An upload made with purpose attachment' }) @IsUUID() fileId!: string;

  @ApiPropertyOptional({ description: 'What the image shows, for those who cannot see it' })
  @IsOptional()
  @trimmed()
  @IsString()
  @MaxLength(300)
  alt?: string;
}

/** The `attachments` field of a post or a message, for the libs that take them. */
export class WithAttachmentsDto {
  @ApiPropertyOptional({ type: [AttachmentDto], maxItems: MAX_ATTACHMENTS })
  @IsOptional()
  @ArrayMaxSize(MAX_ATTACHMENTS)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}

const SUPPORT_AREA_SLUGS = SUPPORT_AREAS.map((a) => a.slug);
const STAGE_SLUGS = STAGES.map((s) => s.slug);

export class CreateResourceDto implements CreateResourceRequest {
  @ApiProperty() @trimmed() @IsString() @Length(3, 160) title!: string;

  @ApiProperty() @trimmed() @IsString() @Length(10, 2000) summary!: string;

  @ApiProperty({ description: 'Support-area slug (GET /taxonomy)' })
  @IsIn(SUPPORT_AREA_SLUGS, { message: 'must be a support area of GET /taxonomy' })
  supportArea!: string;

  @ApiProperty({ description: 'Journey-stage slug (GET /taxonomy)' })
  @IsIn(STAGE_SLUGS, { message: 'must be a journey stage of GET /taxonomy' })
  stage!: string;

  @ApiProperty({ description: 'An upload made with purpose resource' }) @IsUUID() fileId!: string;
}

export class ResourceQueryDto extends PageQuery implements ResourceQuery {
  @ApiPropertyOptional() @IsOptional() @trimmed() @IsString() @MaxLength(200) q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(SUPPORT_AREA_SLUGS, { message: 'must be a support area of GET /taxonomy' })
  supportArea?: string;

  @ApiPropertyOptional() @IsOptional() @IsIn(STAGE_SLUGS, { message: 'must be a journey stage of GET /taxonomy' }) stage?: string;
}
