import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  Matches,
  ValidateIf,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import type { ProgrammeMetricsQuery } from '@mutuals/contracts';
import { REGION_SLUGS, SECTOR_SLUGS } from '@mutuals/profiles';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MAX_PERIOD_DAYS = 366 * 10;

const isRealDay = (value: string) => DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** `to` is a real day, not before `from`, and the period at most ten years (the weekly series stays bounded). */
function IsPeriodEnd(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPeriodEnd',
      target: target.constructor,
      propertyName,
      options: { message: 'to must be a day (YYYY-MM-DD) on or after from, at most ten years later', ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (typeof value !== 'string' || !isRealDay(value)) return false;
          const from = (args.object as ProgrammeMetricsQueryDto).from;
          if (from === undefined || !isRealDay(from)) return true;
          const span = (Date.parse(value) - Date.parse(from)) / 86_400_000;
          return span >= 0 && span <= MAX_PERIOD_DAYS;
        },
      },
    });
}

function IsDay(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDay',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a day, YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isRealDay(value) },
    });
}

export class ProgrammeMetricsQueryDto implements ProgrammeMetricsQuery {
  @ApiPropertyOptional({ format: 'date', description: 'First day of the period (UTC); default the first of the month eleven months ago' })
  @IsOptional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day of the period, inclusive (UTC); default today' })
  @ValidateIf((query: ProgrammeMetricsQueryDto) => query.to !== undefined)
  @IsPeriodEnd()
  to?: string;

  @ApiPropertyOptional({ enum: SECTOR_SLUGS })
  @IsOptional()
  @IsIn(SECTOR_SLUGS)
  sector?: string;

  @ApiPropertyOptional({ enum: REGION_SLUGS })
  @IsOptional()
  @IsIn(REGION_SLUGS)
  region?: string;

  @ApiPropertyOptional({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'Month of joining, YYYY-MM' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'cohort must be a month, YYYY-MM' })
  cohort?: string;
}
