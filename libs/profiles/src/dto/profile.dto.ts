import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsVisibleName, PageQuery } from '@mutuals/core';
import { MemberListQuery } from '@mutuals/identity';
import type { EmployeeInfluence, Nation, OrganisationSearchQuery } from '@mutuals/contracts';
import {
  LEGAL_FORM_SLUGS,
  ORGANISATION_KINDS,
  REGION_SLUGS,
  SECTOR_SLUGS,
  STAGE_SLUGS,
  SUPPORT_AREA_SLUGS,
  type OrganisationKind,
} from '../taxonomy/taxonomy';
import type {
  AdminMemberQuery,
  CreateOrganisationRequest,
  EligibilityRequest,
  MemberSearchQuery,
  RecordStageChangeRequest,
  UpdateOrganisationRequest,
  UpdateProfileRequest,
} from '@mutuals/contracts';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const nullable = () => ValidateIf((_, value) => value !== null);
const booleanQuery = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class MentorOfferDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() offers?: boolean;

  @ApiPropertyOptional({ enum: SUPPORT_AREA_SLUGS, isArray: true })
  @IsOptional()
  @IsIn(SUPPORT_AREA_SLUGS, { each: true, message: 'each must be a support area slug' })
  @ArrayUnique()
  @ArrayMaxSize(10)
  expertise?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  capacity?: number;

  @ApiPropertyOptional({ enum: STAGE_SLUGS, nullable: true })
  @IsOptional()
  @nullable()
  @IsIn(STAGE_SLUGS, { message: 'must be a journey stage slug' })
  stageReached?: string | null;
}

export class MenteeSeekingDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() seeks?: boolean;

  @ApiPropertyOptional({ enum: SUPPORT_AREA_SLUGS, isArray: true })
  @IsOptional()
  @IsIn(SUPPORT_AREA_SLUGS, { each: true, message: 'each must be a support area slug' })
  @ArrayUnique()
  @ArrayMaxSize(8)
  needs?: string[];

  @ApiPropertyOptional({ enum: STAGE_SLUGS, nullable: true })
  @IsOptional()
  @nullable()
  @IsIn(STAGE_SLUGS, { message: 'must be a journey stage slug' })
  stage?: string | null;
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional() @IsOptional() @trimmed() @IsString() @Length(2, 80) @IsVisibleName() displayName?: string;

  @ApiPropertyOptional({ description: 'lower-case letters, digits, - and _, starting with a letter' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-zA-Z][a-zA-Z0-9_-]{2,29}$/, { message: 'must be 3 to 30 letters, digits, - or _, starting with a letter' })
  handle?: string;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsString() @MaxLength(4000) bio?: string | null;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @trimmed() @IsString() @MaxLength(120) jobTitle?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'an organisation you belong to, or null to leave it' })
  @IsOptional()
  @nullable()
  @IsUUID()
  organisationId?: string | null;

  @ApiPropertyOptional({ enum: REGION_SLUGS, nullable: true })
  @IsOptional()
  @nullable()
  @IsIn(REGION_SLUGS, { message: 'must be a region slug' })
  region?: string | null;

  @ApiPropertyOptional({ enum: SECTOR_SLUGS, isArray: true })
  @IsOptional()
  @IsIn(SECTOR_SLUGS, { each: true, message: 'each must be a sector slug' })
  @ArrayUnique()
  @ArrayMaxSize(5)
  sectors?: string[];

  @ApiPropertyOptional({ type: MentorOfferDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MentorOfferDto)
  mentor?: MentorOfferDto;

  @ApiPropertyOptional({ type: MenteeSeekingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MenteeSeekingDto)
  mentee?: MenteeSeekingDto;
}

export class CreateOrganisationDto implements CreateOrganisationRequest {
  @ApiProperty() @trimmed() @IsString() @Length(2, 160) @IsVisibleName() name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) @IsIn(ORGANISATION_KINDS) kind!: OrganisationKind;
  @ApiProperty({ enum: SECTOR_SLUGS }) @IsIn(SECTOR_SLUGS, { message: 'must be a sector slug' }) sector!: string;
  @ApiProperty({ enum: STAGE_SLUGS }) @IsIn(STAGE_SLUGS, { message: 'must be a journey stage slug' }) stage!: string;
  @ApiProperty({ enum: REGION_SLUGS }) @IsIn(REGION_SLUGS, { message: 'must be a region slug' }) region!: string;

  @ApiPropertyOptional({ enum: LEGAL_FORM_SLUGS, nullable: true })
  @IsOptional()
  @nullable()
  @IsIn(LEGAL_FORM_SLUGS, { message: 'must be a legal form slug' })
  legalForm?: string | null;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsInt() @Min(1) @Max(100000) staffCount?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @nullable()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be a web address starting with https://' })
  @MaxLength(300)
  website?: string | null;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsString() @MaxLength(4000) description?: string | null;
}

/** Any subset of the organisation's fields, each validated as on creation. */
export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto) implements UpdateOrganisationRequest {}

/** GET /admin/members: identity's filters, and where the member works. */
export class AdminMemberSearchDto extends MemberListQuery implements AdminMemberQuery {
  @ApiPropertyOptional({ enum: SECTOR_SLUGS }) @IsOptional() @IsIn(SECTOR_SLUGS, { message: 'must be a sector slug' }) sector?: string;
  @ApiPropertyOptional({ enum: REGION_SLUGS }) @IsOptional() @IsIn(REGION_SLUGS, { message: 'must be a region slug' }) region?: string;
}

export class RecordStageChangeDto implements RecordStageChangeRequest {
  @ApiProperty({ enum: STAGE_SLUGS }) @IsIn(STAGE_SLUGS, { message: 'must be a journey stage slug' }) stage!: string;
  @ApiPropertyOptional({ description: 'When the organisation reached the stage; not in the future. Default now.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  changedAt?: string;
}

export class MemberSearchDto extends PageQuery implements MemberSearchQuery {
  @ApiPropertyOptional() @IsOptional() @trimmed() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: SECTOR_SLUGS }) @IsOptional() @IsIn(SECTOR_SLUGS, { message: 'must be a sector slug' }) sector?: string;
  @ApiPropertyOptional({ enum: REGION_SLUGS }) @IsOptional() @IsIn(REGION_SLUGS, { message: 'must be a region slug' }) region?: string;
  @ApiPropertyOptional() @IsOptional() @booleanQuery() @IsBoolean() offersMentoring?: boolean;
  @ApiPropertyOptional() @IsOptional() @booleanQuery() @IsBoolean() seeksMentoring?: boolean;
}

const INFLUENCE: EmployeeInfluence[] = ['none', 'some', 'significant', 'majority'];
const NATIONS: Nation[] = ['england', 'scotland', 'wales', 'northern-ireland'];

export class EligibilityDto implements EligibilityRequest {
  @ApiProperty() @IsBoolean() deliversPublicService!: boolean;
  @ApiProperty() @IsBoolean() leftPublicSector!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() planningToLeave?: boolean;
  @ApiProperty({ enum: INFLUENCE }) @IsIn(INFLUENCE) employeeInfluence!: EmployeeInfluence;
  @ApiProperty({ enum: SECTOR_SLUGS }) @IsIn(SECTOR_SLUGS, { message: 'must be a sector slug' }) sector!: string;
  @ApiPropertyOptional({ enum: NATIONS }) @IsOptional() @IsIn(NATIONS) nation?: Nation;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100) yearsTrading?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() onOriginalContract?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() canMatchFund?: boolean;
}

export class OrganisationSearchDto implements OrganisationSearchQuery {
  @ApiProperty({ description: 'Part of the name' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(2, 80)
  q!: string;

  @ApiPropertyOptional({ default: 10, maximum: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit = 10;
}

export class JoinRequestListQuery {
  @ApiProperty({ enum: ['mine', 'to-decide'], description: "mine: the caller's own; to-decide: waiting for the caller to answer" })
  @IsIn(['mine', 'to-decide'])
  box!: 'mine' | 'to-decide';
}
