import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@mutuals/core';
import {
  STORY_STATUSES,
  type CreateStoryRequest,
  type FeatureStoryRequest,
  type RejectStoryRequest,
  type StoryConsentRequest,
  type StoryMemberCreditInput,
  type StoryOrganisationCreditInput,
  type StoryOutcome,
  type StoryStatus,
  type UpdateStoryRequest,
  type WithdrawStoryRequest,
} from '@mutuals/contracts';
import { REGION_SLUGS, SECTOR_SLUGS, STAGE_SLUGS } from '@mutuals/profiles';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const MAX_OUTCOMES = 12;
export const MAX_CREDITS = 20;

export class StoryOutcomeDto implements StoryOutcome {
  @ApiProperty({ maxLength: 80, example: 'Staff who became members' }) @Transform(trim) @IsString() @Length(1, 80) label!: string;
  @ApiProperty({ maxLength: 40, example: '312' }) @Transform(trim) @IsString() @Length(1, 40) value!: string;
}

export class StoryMemberCreditDto implements StoryMemberCreditInput {
  @ApiProperty() @IsUUID() userId!: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) role?: string;
}

export class StoryOrganisationCreditDto implements StoryOrganisationCreditInput {
  @ApiPropertyOptional() @IsOptional() @IsUUID() organisationId?: string;

  @ApiPropertyOptional({ maxLength: 160, description: 'Required without organisationId' })
  @ValidateIf((credit: StoryOrganisationCreditDto) => credit.organisationId === undefined || credit.name !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 160)
  name?: string;

  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) role?: string;
}

/** The fields of a story; every one is optional on PATCH (UpdateStoryDto). */
export class UpdateStoryDto implements UpdateStoryRequest {
  @ApiPropertyOptional({ minLength: 3, maxLength: 160 }) @IsOptional() @Transform(trim) @IsString() @Length(3, 160) title?: string;
  @ApiPropertyOptional({ minLength: 10, maxLength: 300 }) @IsOptional() @Transform(trim) @IsString() @Length(10, 300) summary?: string;
  @ApiPropertyOptional({ minLength: 1, maxLength: 20000, description: 'Markdown' })
  @IsOptional()
  @IsString()
  @Length(1, 20000)
  body?: string;

  @ApiPropertyOptional({ enum: SECTOR_SLUGS }) @IsOptional() @IsIn(SECTOR_SLUGS) sector?: string;
  @ApiPropertyOptional({ enum: REGION_SLUGS }) @IsOptional() @IsIn(REGION_SLUGS) region?: string;
  @ApiPropertyOptional({ enum: STAGE_SLUGS }) @IsOptional() @IsIn(STAGE_SLUGS) stage?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() organisationId?: string;

  @ApiPropertyOptional({ type: [StoryOutcomeDto], maxItems: MAX_OUTCOMES })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_OUTCOMES)
  @ValidateNested({ each: true })
  @Type(() => StoryOutcomeDto)
  outcomes?: StoryOutcomeDto[];

  @ApiPropertyOptional({ type: [StoryMemberCreditDto], maxItems: MAX_CREDITS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CREDITS)
  @ValidateNested({ each: true })
  @Type(() => StoryMemberCreditDto)
  memberCredits?: StoryMemberCreditDto[];

  @ApiPropertyOptional({ type: [StoryOrganisationCreditDto], maxItems: MAX_CREDITS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CREDITS)
  @ValidateNested({ each: true })
  @Type(() => StoryOrganisationCreditDto)
  organisationCredits?: StoryOrganisationCreditDto[];

  @ApiPropertyOptional({ description: 'A mentorship of the author: both sides are credited' })
  @IsOptional()
  @IsUUID()
  mentorshipId?: string;

  @ApiPropertyOptional({ nullable: true, description: 'An upload made with purpose cover; null removes the cover' })
  @IsOptional()
  @IsUUID()
  coverFileId?: string | null;

  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(300) coverAlt?: string;
}

export class CreateStoryDto extends UpdateStoryDto implements CreateStoryRequest {
  @ApiProperty({ minLength: 3, maxLength: 160 }) @Transform(trim) @IsString() @Length(3, 160) declare title: string;
  @ApiProperty({ minLength: 10, maxLength: 300 }) @Transform(trim) @IsString() @Length(10, 300) declare summary: string;
  @ApiProperty({ minLength: 1, maxLength: 20000, description: 'Markdown' }) @IsString() @Length(1, 20000) declare body: string;
  @ApiProperty({ enum: SECTOR_SLUGS }) @IsIn(SECTOR_SLUGS) declare sector: string;

  @ApiProperty({ type: [StoryOutcomeDto], maxItems: MAX_OUTCOMES })
  @IsArray()
  @ArrayMaxSize(MAX_OUTCOMES)
  @ValidateNested({ each: true })
  @Type(() => StoryOutcomeDto)
  declare outcomes: StoryOutcomeDto[];
}

export class PublicStoriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SECTOR_SLUGS }) @IsOptional() @IsIn(SECTOR_SLUGS) sector?: string;
  @ApiPropertyOptional({ enum: REGION_SLUGS }) @IsOptional() @IsIn(REGION_SLUGS) region?: string;
  @ApiPropertyOptional({ enum: STAGE_SLUGS }) @IsOptional() @IsIn(STAGE_SLUGS) stage?: string;
  @ApiPropertyOptional({ maxLength: 60, description: "Words of an outcome's label, e.g. contracts" })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 60)
  outcome?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() featured?: boolean;
}

export class ReviewQueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STORY_STATUSES.filter((s) => s !== 'draft'), default: 'submitted' })
  @IsOptional()
  @IsIn(STORY_STATUSES.filter((s) => s !== 'draft'))
  status: Exclude<StoryStatus, 'draft'> = 'submitted';
}

export class PipelineQuery {
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ enum: SECTOR_SLUGS }) @IsOptional() @IsIn(SECTOR_SLUGS) sector?: string;
}

export class RejectStoryDto implements RejectStoryRequest {
  @ApiProperty({ minLength: 3, maxLength: 2000 }) @Transform(trim) @IsString() @Length(3, 2000) reason!: string;
}

export class FeatureStoryDto implements FeatureStoryRequest {
  @ApiProperty() @IsBoolean() value!: boolean;
}

export class WithdrawStoryDto implements WithdrawStoryRequest {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) reason?: string;
}

export class StoryConsentDto implements StoryConsentRequest {
  @ApiProperty({ enum: ['given', 'declined'] }) @IsIn(['given', 'declined']) consent!: 'given' | 'declined';
}
