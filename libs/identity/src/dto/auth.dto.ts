import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsVisibleName, PageQuery } from '@mutuals/core';
import { STATUSES, type AccountStatus } from '../entities/user.entity';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class RegisterDto {
  @ApiProperty({ example: 'sam@riverside-care.example' })
  @trimmed()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ minLength: 10, maxLength: 256 })
  @IsString()
  @Length(10, 256, { message: 'must be 10 to 256 characters' })
  password!: string;

  @ApiProperty({ example: 'Sam Okafor' })
  @trimmed()
  @IsString()
  @Length(2, 80, { message: 'must be 2 to 80 characters' })
  @IsVisibleName()
  displayName!: string;
}

export class LoginDto {
  @ApiProperty()
  @trimmed()
  @IsString()
  @MaxLength(320)
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class MemberListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: AccountStatus;
}
