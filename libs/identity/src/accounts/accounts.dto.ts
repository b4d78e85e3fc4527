import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import type {
  ChangeEmailRequest,
  ChangePasswordRequest,
  DeleteAccountRequest,
  ForgotPasswordRequest,
  ResetPasswordRequest,
  VerifyEmailRequest,
} from '@mutuals/contracts';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const newPassword = () => Length(10, 256, { message: 'must be 10 to 256 characters' });
/** The tokens we mail are 43 base64url characters. */
const linkToken = () => Matches(/^[A-Za-z0-9_-]{20,128}$/, { message: 'is not a link token' });

export class ForgotPasswordDto implements ForgotPasswordRequest {
  @ApiProperty({ example: 'sam@riverside-care.example' })
  @trimmed()
  @IsString()
  @MaxLength(320)
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty({ description: 'The token query parameter of the mailed link' })
  @IsString()
  @linkToken()
  token!: string;

  @ApiProperty({ minLength: 10, maxLength: 256 })
  @IsString()
  @newPassword()
  password!: string;
}

export class VerifyEmailDto implements VerifyEmailRequest {
  @ApiProperty({ description: 'The token query parameter of the mailed link' })
  @IsString()
  @linkToken()
  token!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 256)
  currentPassword!: string;

  @ApiProperty({ minLength: 10, maxLength: 256 })
  @IsString()
  @newPassword()
  newPassword!: string;
}

export class ChangeEmailDto implements ChangeEmailRequest {
  @ApiProperty()
  @trimmed()
  @IsString()
  @MaxLength(320)
  @IsEmail({}, { message: 'must be an email address' })
  newEmail!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class DeleteAccountDto implements DeleteAccountRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password!: string;

  @ApiPropertyOptional({ description: 'Erase my forum posts too instead of keeping them as "Former member"' })
  @IsOptional()
  @IsBoolean()
  erase?: boolean;
}
