import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@mutuals/core';
import { MENTORSHIP_HEALTH, MENTORSHIP_OUTCOMES, type MentorshipHealth, type MentorshipOutcome } from '@mutuals/contracts';
import { GOAL_STATUSES, type GoalStatus } from '../entities/goal.entity';
import { REQUEST_STATUSES, type RequestStatus } from '../entities/mentoring-request.entity';
import type {
  AdminMentorshipListQuery as AdminMentorshipListQueryContract,
  CloseMentorshipRequest,
  CreateMatchingRoundRequest,
  CreateMentoringRequest,
  DeclineMentoringRequest,
  FitCheckRequest,
  GoalRequest,
  LogSessionRequest,
  MentoringRequestListQuery,
  MentorshipListQuery as MentorshipListQueryContract,
  MentorSuggestionsQuery,
} from '@mutuals/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SuggestionsQuery implements MentorSuggestionsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit = 10;
}

export class CreateRequestDto implements CreateMentoringRequest {
  @ApiProperty() @IsUUID() mentorId!: string;

  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  message!: string;

  @ApiPropertyOptional({ type: [String], maxItems: 10 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  goals?: string[];
}

export class RequestListQuery extends PageQuery implements MentoringRequestListQuery {
  @ApiProperty({ enum: ['incoming', 'outgoing'] })
  @IsIn(['incoming', 'outgoing'])
  box!: 'incoming' | 'outgoing';

  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;
}

export class DeclineRequestDto implements DeclineMentoringRequest {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class MentorshipListQuery extends PageQuery implements MentorshipListQueryContract {
  @ApiPropertyOptional({ enum: ['active', 'closed'] })
  @IsOptional()
  @IsIn(['active', 'closed'])
  status?: 'active' | 'closed';
}

export class AdminMentorshipListQuery extends MentorshipListQuery implements AdminMentorshipListQueryContract {
  @ApiPropertyOptional({ description: 'Only pairs where a side answered "not a good fit"' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  flagged?: boolean;

  @ApiPropertyOptional({ enum: MENTORSHIP_HEALTH, description: 'Only pairs in this state of health' })
  @IsOptional()
  @IsIn(MENTORSHIP_HEALTH)
  health?: MentorshipHealth;
}

export class CreateGoalDto implements GoalRequest {
  @ApiProperty({ minLength: 1, maxLength: 200 }) @Transform(trim) @IsString() @Length(1, 200) title!: string;
  @ApiPropertyOptional({ enum: GOAL_STATUSES }) @IsOptional() @IsIn(GOAL_STATUSES) status?: GoalStatus;
}

export class UpdateGoalDto implements GoalRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 }) @IsOptional() @Transform(trim) @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional({ enum: GOAL_STATUSES }) @IsOptional() @IsIn(GOAL_STATUSES) status?: GoalStatus;
}

export class LogSessionDto implements LogSessionRequest {
  @ApiProperty({ description: 'When the session took place; not in the future' }) @IsISO8601({ strict: true }) heldAt!: string;
  @ApiProperty({ minimum: 5, maximum: 600 }) @IsInt() @Min(5) @Max(600) durationMinutes!: number;
  @ApiProperty({ minLength: 1, maxLength: 5000 }) @Transform(trim) @IsString() @Length(1, 5000) notes!: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) nextSteps?: string;
}

export class FitCheckDto implements FitCheckRequest {
  @ApiProperty() @IsBoolean() goodFit!: boolean;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) comment?: string;
}

export class CloseMentorshipDto implements CloseMentorshipRequest {
  @ApiProperty({ enum: MENTORSHIP_OUTCOMES }) @IsIn(MENTORSHIP_OUTCOMES) outcome!: MentorshipOutcome;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) rating!: number;
  @ApiProperty({ minLength: 1, maxLength: 4000 }) @Transform(trim) @IsString() @Length(1, 4000) feedback!: string;
}

export class PairDto {
  @ApiProperty() @IsUUID() menteeId!: string;
  @ApiProperty() @IsUUID() mentorId!: string;
}

export class CreateRoundDto implements CreateMatchingRoundRequest {
  @ApiPropertyOptional({ type: [String], description: 'Default: every seeking mentee without a mentor or an open request' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20000)
  @IsUUID('all', { each: true })
  menteeIds?: string[];

  @ApiPropertyOptional({ type: [PairDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PairDto)
  pinned?: PairDto[];
}
