import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsVisibleName, PageQuery } from '@mutuals/core';
import type {
  CapabilityDirectoryQuery,
  CapabilityProfileRequest,
  CreateOpportunityRequest,
  ExpressInterestRequest,
  OpportunityListQuery,
  OpportunityStatus,
  OpportunityStatusRequest,
  UpdateOpportunityRequest,
  ValueBand,
} from '@mutuals/contracts';
import { REGION_SLUGS, SECTOR_SLUGS } from '@mutuals/profiles';
import { CAPABILITY_SLUGS, CLIENT_GROUP_SLUGS, VALUE_BAND_SLUGS } from './partnerships-taxonomy';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const sector = { message: 'must be a sector slug' };
const region = { message: 'must be a region slug' };
const MOVES: Exclude<OpportunityStatus, 'draft'>[] = ['open', 'closed', 'partnered', 'won', 'lost', 'withdrawn'];

export class CreateOpportunityDto implements CreateOpportunityRequest {
  @ApiProperty({ minLength: 5, maxLength: 200 }) @trimmed() @IsString() @Length(5, 200) @IsVisibleName() title!: string;
  @ApiProperty({ minLength: 2, maxLength: 200 }) @trimmed() @IsString() @Length(2, 200) @IsVisibleName() commissioner!: string;
  @ApiProperty({ minLength: 20, maxLength: 5000 }) @trimmed() @IsString() @Length(20, 5000) description!: string;
  @ApiProperty({ enum: SECTOR_SLUGS }) @IsIn(SECTOR_SLUGS, sector) sector!: string;
  @ApiProperty({ enum: REGION_SLUGS }) @IsIn(REGION_SLUGS, region) region!: string;
  @ApiProperty({ enum: VALUE_BAND_SLUGS }) @IsIn(VALUE_BAND_SLUGS, { message: 'must be a value band slug' }) valueBand!: ValueBand;

  @ApiProperty({ enum: CAPABILITY_SLUGS, isArray: true, minItems: 1, maxItems: 8 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsIn(CAPABILITY_SLUGS, { each: true, message: 'each must be a capability slug' })
  capabilitiesSought!: string[];

  @ApiProperty({ description: 'The bid deadline; interest closes then. In the future.' }) @IsISO8601({ strict: true }) deadline!: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() publish?: boolean;
}

export class UpdateOpportunityDto
  extends PartialType(OmitType(CreateOpportunityDto, ['publish'] as const))
  implements UpdateOpportunityRequest {}

export class OpportunityStatusDto implements OpportunityStatusRequest {
  @ApiProperty({ enum: MOVES }) @IsIn(MOVES) status!: Exclude<OpportunityStatus, 'draft'>;

  @ApiPropertyOptional({ minimum: 1, maximum: 1_000_000_000, description: 'Pounds; required when marking won' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  valueWon?: number;
}

export class OpportunityListDto extends PageQuery implements OpportunityListQuery {
  @ApiPropertyOptional({ enum: ['board', 'mine'], default: 'board' }) @IsOptional() @IsIn(['board', 'mine']) scope?: 'board' | 'mine';
  @ApiPropertyOptional({ enum: SECTOR_SLUGS }) @IsOptional() @IsIn(SECTOR_SLUGS, sector) sector?: string;
  @ApiPropertyOptional({ enum: REGION_SLUGS }) @IsOptional() @IsIn(REGION_SLUGS, region) region?: string;
  @ApiPropertyOptional({ description: 'A day (the whole day counts) or an instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  deadlineBefore?: string;
}

export class ExpressInterestDto implements ExpressInterestRequest {
  @ApiProperty({ minLength: 20, maxLength: 3000 }) @trimmed() @IsString() @Length(20, 3000) pitch!: string;
}

export class CapabilityProfileDto implements CapabilityProfileRequest {
  @ApiProperty({ minLength: 20, maxLength: 2000 }) @trimmed() @IsString() @Length(20, 2000) summary!: string;

  @ApiProperty({ enum: CAPABILITY_SLUGS, isArray: true, minItems: 1, maxItems: 12 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsIn(CAPABILITY_SLUGS, { each: true, message: 'each must be a capability slug' })
  capabilities!: string[];

  @ApiProperty({ enum: REGION_SLUGS, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(REGION_SLUGS, { each: true, message: 'each must be a region slug' })
  regions!: string[];

  @ApiProperty({ enum: SECTOR_SLUGS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(SECTOR_SLUGS, { each: true, message: 'each must be a sector slug' })
  sectors!: string[];

  @ApiProperty({ enum: CLIENT_GROUP_SLUGS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(CLIENT_GROUP_SLUGS, { each: true, message: 'each must be a client group slug' })
  clientGroups!: string[];
}

export class CapabilityDirectoryDto extends PageQuery implements CapabilityDirectoryQuery {
  @ApiPropertyOptional() @IsOptional() @trimmed() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: CAPABILITY_SLUGS })
  @IsOptional()
  @IsIn(CAPABILITY_SLUGS, { message: 'must be a capability slug' })
  capability?: string;
  @ApiPropertyOptional({ enum: REGION_SLUGS }) @IsOptional() @IsIn(REGION_SLUGS, region) region?: string;
  @ApiPropertyOptional({ enum: SECTOR_SLUGS }) @IsOptional() @IsIn(SECTOR_SLUGS, sector) sector?: string;
}
