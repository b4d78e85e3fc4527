import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@mutuals/core';
import {
  SUPPORT_APPLICATION_STATUSES,
  type AddSupportAdviserRequest,
  type AddSupportDeliverableRequest,
  type ApproveSupportApplicationRequest,
  type AssignSupportApplicationRequest,
  type ConfirmSupportDeliveryRequest,
  type CreateSupportApplicationRequest,
  type CreateSupportPartnerRequest,
  type DeclineSupportApplicationRequest,
  type LogSupportDeliveryRequest,
  type RequestSupportInformationRequest,
  type SupportAllocationInput,
  type SupportApplicationStatus,
  type SupportAssessmentInput,
  type SupportCriterionScore,
  type UpdateSupportApplicationRequest,
  type UpdateSupportFundRequest,
} from '@mutuals/contracts';
import { EligibilityDto, REGION_SLUGS, SUPPORT_AREA_SLUGS } from '@mutuals/profiles';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every field optional: a draft saves whatever is there; submitting checks that nothing is missing. */
export class SupportApplicationDto implements CreateSupportApplicationRequest, UpdateSupportApplicationRequest {
  @ApiPropertyOptional({ enum: SUPPORT_AREA_SLUGS, isArray: true, maxItems: 6 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsIn(SUPPORT_AREA_SLUGS, { each: true })
  areas?: string[];

  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(4000) need?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) outcome?: string;
  @ApiPropertyOptional({ example: '2027-03-31', description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  byWhen?: string;

  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(4000) growthCase?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 100000000 }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000) matchFundingPence?: number;
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(300) matchFundingSource?: string;

  @ApiPropertyOptional({ type: EligibilityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;
}

export class SupportApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SUPPORT_APPLICATION_STATUSES.filter((s) => s !== 'draft') })
  @IsOptional()
  @IsIn(SUPPORT_APPLICATION_STATUSES.filter((s) => s !== 'draft'))
  status?: SupportApplicationStatus;
}

export class SupportCriterionScoreDto implements SupportCriterionScore {
  @ApiProperty({ enum: [0, 1, 2, 3], description: '0 not met, 1 weak, 2 adequate, 3 strong' }) @IsIn([0, 1, 2, 3]) score!: 0 | 1 | 2 | 3;
  @ApiProperty({ maxLength: 1000 }) @Transform(trim) @IsString() @MaxLength(1000) note!: string;
}

export class SupportAssessmentDto implements SupportAssessmentInput {
  @ApiProperty({ type: SupportCriterionScoreDto })
  @ValidateNested()
  @Type(() => SupportCriterionScoreDto)
  eligibility!: SupportCriterionScoreDto;
  @ApiProperty({ type: SupportCriterionScoreDto })
  @ValidateNested()
  @Type(() => SupportCriterionScoreDto)
  readiness!: SupportCriterionScoreDto;
  @ApiProperty({ type: SupportCriterionScoreDto })
  @ValidateNested()
  @Type(() => SupportCriterionScoreDto)
  growth!: SupportCriterionScoreDto;
  @ApiProperty({ type: SupportCriterionScoreDto })
  @ValidateNested()
  @Type(() => SupportCriterionScoreDto)
  matchFunding!: SupportCriterionScoreDto;
}

export class RequestSupportInformationDto implements RequestSupportInformationRequest {
  @ApiProperty({ minLength: 5, maxLength: 2000 }) @Transform(trim) @IsString() @Length(5, 2000) message!: string;
}

export class DeclineSupportApplicationDto implements DeclineSupportApplicationRequest {
  @ApiProperty({ minLength: 5, maxLength: 2000 }) @Transform(trim) @IsString() @Length(5, 2000) reason!: string;
}

export class SupportAllocationDto implements SupportAllocationInput {
  @ApiProperty({ enum: SUPPORT_AREA_SLUGS }) @IsIn(SUPPORT_AREA_SLUGS) area!: string;
  @ApiProperty({ minimum: 0.5, maximum: 60, description: 'Half-day steps' }) @IsNumber() @Min(0.5) @Max(60) days!: number;
}

export class ApproveSupportApplicationDto implements ApproveSupportApplicationRequest {
  @ApiProperty() @IsUUID() partnerId!: string;

  @ApiProperty({ type: [SupportAllocationDto], minItems: 1, maxItems: 6 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => SupportAllocationDto)
  allocations!: SupportAllocationDto[];

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
}

export class AssignSupportApplicationDto implements AssignSupportApplicationRequest {
  @ApiProperty() @IsUUID() partnerId!: string;
}

export class ConfirmSupportDeliveryDto implements ConfirmSupportDeliveryRequest {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) rating!: number;
  @ApiProperty({ maxLength: 2000 }) @Transform(trim) @IsString() @MaxLength(2000) feedback!: string;
}

export class LogSupportDeliveryDto implements LogSupportDeliveryRequest {
  @ApiProperty({ enum: SUPPORT_AREA_SLUGS }) @IsIn(SUPPORT_AREA_SLUGS) area!: string;
  @ApiProperty({ example: '2027-01-15', description: 'YYYY-MM-DD' }) @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) date!: string;
  @ApiProperty({ minimum: 0.5, maximum: 60, description: 'Half-day steps' }) @IsNumber() @Min(0.5) @Max(60) days!: number;
  @ApiProperty({ maxLength: 2000 }) @Transform(trim) @IsString() @MaxLength(2000) note!: string;
}

export class AddSupportDeliverableDto implements AddSupportDeliverableRequest {
  @ApiProperty() @IsUUID() fileId!: string;
  @ApiProperty({ minLength: 3, maxLength: 200 }) @Transform(trim) @IsString() @Length(3, 200) title!: string;
}

export class UpdateSupportFundDto implements UpdateSupportFundRequest {
  @ApiProperty({ minimum: 0, maximum: 2000000000 }) @IsInt() @Min(0) @Max(2_000_000_000) totalPence!: number;
}

export class CreateSupportPartnerDto implements CreateSupportPartnerRequest {
  @ApiProperty({ minLength: 2, maxLength: 160 }) @Transform(trim) @IsString() @Length(2, 160) name!: string;
  @ApiProperty({ enum: REGION_SLUGS }) @IsIn(REGION_SLUGS) region!: string;
  @ApiProperty({ minimum: 100, maximum: 1000000, description: 'Whole pounds, in pence' })
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  dayRatePence!: number;

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) description?: string;
}

export class AddSupportAdviserDto implements AddSupportAdviserRequest {
  @ApiProperty() @IsUUID() userId!: string;
}
