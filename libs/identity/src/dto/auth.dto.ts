import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsVisibleName, PageQuery } from '@mutuals/core';
import type { RejectMemberRequest } from '@mutuals/contracts';
import { ROLES, STATUSES, type AccountStatus, type Role } from '../entities/user.entity';
import type { AdminMemberQuery, ChangeRoleRequest, LoginRequest, RegisterRequest } from '@mutuals/contracts';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class RegisterDto implements RegisterRequest {
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

export class LoginDto implements LoginRequest {
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

export class MemberListQuery extends PageQuery implements AdminMemberQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: AccountStatus;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'A part of the name, handle or email address' })
  @IsOptional()
  @trimmed()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class ChangeRoleDto implements ChangeRoleRequest {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
}

export class RejectMemberDto implements RejectMemberRequest {
  @ApiProperty({ description: 'Why, in words the applicant will read' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(5, 1000)
  reason!: string;
}
