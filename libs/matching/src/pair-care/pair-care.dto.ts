import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import type {
  AgreementFields,
  CancelMeetingRequest,
  CheckInAnswerRequest,
  ConfirmAgreementRequest,
  ContinueAnswer,
  EditSessionRequest,
  LogMeetingRequest,
  MeetingFormat,
  ProposeMeetingRequest,
} from '@mutuals/contracts';
import { CONTINUE_ANSWERS } from '../entities/check-in.entity';
import { MEETING_FORMATS } from '../entities/meeting.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Every IANA zone this runtime knows, plus UTC. */
export const TIME_ZONES: readonly string[] = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
export const DEFAULT_TIME_ZONE = 'Europe/London';

export class ProposeMeetingDto implements ProposeMeetingRequest {
  @ApiProperty({ description: "The start, with its offset (the client turns the member's local time into an instant)" })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ minimum: 15, maximum: 480 }) @IsInt() @Min(15) @Max(480) durationMinutes!: number;

  @ApiPropertyOptional({ default: DEFAULT_TIME_ZONE, description: 'IANA time zone, e.g. Europe/London' })
  @IsOptional()
  @IsIn(TIME_ZONES, { message: 'timeZone must be an IANA time zone such as Europe/London' })
  timeZone?: string;

  @ApiProperty({ enum: MEETING_FORMATS }) @IsIn(MEETING_FORMATS) format!: MeetingFormat;
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(300) location?: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) agenda?: string;
}

export class CancelMeetingDto implements CancelMeetingRequest {
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(500) reason?: string;
}

export class LogMeetingDto implements LogMeetingRequest {
  @ApiPropertyOptional({ minimum: 5, maximum: 600, description: 'Defaults to the planned length' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(600)
  durationMinutes?: number;

  @ApiProperty({ minLength: 1, maxLength: 5000 }) @Transform(trim) @IsString() @Length(1, 5000) notes!: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) nextSteps?: string;
}

export class EditSessionDto implements EditSessionRequest {
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) heldAt?: string;
  @ApiPropertyOptional({ minimum: 5, maximum: 600 }) @IsOptional() @IsInt() @Min(5) @Max(600) durationMinutes?: number;
  @ApiPropertyOptional({ minLength: 1, maxLength: 5000 }) @IsOptional() @Transform(trim) @IsString() @Length(1, 5000) notes?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) nextSteps?: string;
}

export class AgreementDto implements AgreementFields {
  @ApiProperty({ example: 'Every three weeks', maxLength: 300 }) @Transform(trim) @IsString() @Length(1, 300) meetingFrequency!: string;
  @ApiProperty({ example: 'Video calls, one visit to our site', maxLength: 300 })
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  meetingFormat!: string;
  @ApiProperty({ example: 'Six months, reviewed at three', maxLength: 300 }) @Transform(trim) @IsString() @Length(1, 300) duration!: string;
  @ApiProperty({ maxLength: 3000 }) @Transform(trim) @IsString() @Length(1, 3000) mentorExpectations!: string;
  @ApiProperty({ maxLength: 3000 }) @Transform(trim) @IsString() @Length(1, 3000) menteeExpectations!: string;
  @ApiProperty({ maxLength: 3000 }) @Transform(trim) @IsString() @Length(1, 3000) confidentiality!: string;
}

export class ConfirmAgreementDto implements ConfirmAgreementRequest {
  @ApiProperty({ minimum: 1, description: 'The version the member read' }) @IsInt() @Min(1) version!: number;
}

export class CheckInAnswerDto implements CheckInAnswerRequest {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) usefulness!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) relationship!: number;
  @ApiProperty({ enum: CONTINUE_ANSWERS }) @IsIn(CONTINUE_ANSWERS) wantsToContinue!: ContinueAnswer;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) comment?: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() shareComment?: boolean;
}
