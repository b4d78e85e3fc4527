import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountSettingsView, EmailConfirmedView } from '@mutuals/contracts';
import { AllowPending, CurrentUser, Public, NoApiTokens } from '../auth/auth.decorators';
import { clearSessionCookies } from '../auth/session-reply';
import type { AuthUser } from '../identity.types';
import { AccountDeletionService } from './account-deletion.service';
import { AccountRecoveryService } from './account-recovery.service';
import { AccountSettingsService } from './account-settings.service';
import { ChangeEmailDto, ChangePasswordDto, DeleteAccountDto, ForgotPasswordDto, ResetPasswordDto, VerifyEmailDto } from './accounts.dto';
import { EmailVerificationService } from './email-verification.service';
import { IdentityErrors } from '../identity.errors';
import { Endpoint, GenericErrors } from '@mutuals/core';
import { AccountErrors } from './accounts.errors';

@ApiTags('accounts')
@Controller()
export class AccountsController {
  constructor(
    private readonly recovery: AccountRecoveryService,
    private readonly verification: EmailVerificationService,
    private readonly settingsService: AccountSettingsService,
    private readonly deletion: AccountDeletionService,
  ) {}

  /** 202 whether or not an account uses the address. */
  @Endpoint({ summary: 'Ask for a password reset link by mail', response: null, errors: [GenericErrors.rateLimited] })
  @Public()
  @Post('auth/password/forgot')
  @HttpCode(202)
  forgotPassword(@Body() body: ForgotPasswordDto, @Req() request: FastifyRequest): Promise<void> {
    return this.recovery.forgot(body.email, request.ip ?? null);
  }

  @Endpoint({
    summary: 'Set a new password with the token from the reset mail',
    response: null,
    errors: [GenericErrors.rateLimited, AccountErrors.linkExpiredOrUsed],
  })
  @Public()
  @Post('auth/password/reset')
  @HttpCode(204)
  resetPassword(@Body() body: ResetPasswordDto, @Req() request: FastifyRequest): Promise<void> {
    return this.recovery.reset(body.token, body.password, request.ip ?? null);
  }

  @Endpoint({
    summary: 'Confirm an email address with the token from the mail',
    response: 'EmailConfirmedView',
    errors: [AccountErrors.linkExpiredOrUsed, IdentityErrors.emailTaken],
  })
  @Public()
  @Post('auth/email/verify')
  @HttpCode(200)
  verifyEmail(@Body() body: VerifyEmailDto): Promise<EmailConfirmedView> {
    return this.verification.confirm(body.token);
  }

  @Endpoint({
    summary: 'Send the verification mail again',
    response: null,
    errors: [GenericErrors.rateLimited, AccountErrors.alreadyVerified, IdentityErrors.memberNotFound],
  })
  @AllowPending()
  @NoApiTokens()
  @Post('auth/email/verify/resend')
  @HttpCode(204)
  resendVerification(@CurrentUser() user: AuthUser): Promise<void> {
    return this.verification.resend(user);
  }

  @Endpoint({ summary: 'Your account settings', response: 'AccountSettingsView', errors: [IdentityErrors.memberNotFound] })
  @Get('me/settings')
  settings(@CurrentUser() user: AuthUser): Promise<AccountSettingsView> {
    return this.settingsService.settings(user.id);
  }

  @Endpoint({
    summary: 'Change your password (signs out your other sessions)',
    response: null,
    errors: [GenericErrors.rateLimited, AccountErrors.wrongPassword, IdentityErrors.memberNotFound],
  })
  @AllowPending()
  @NoApiTokens()
  @Post('me/password')
  @HttpCode(204)
  changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto): Promise<void> {
    return this.settingsService.changePassword(user, body.currentPassword, body.newPassword);
  }

  @Endpoint({
    summary: 'Change your email address (confirmed by mail to the new one)',
    response: null,
    errors: [
      GenericErrors.rateLimited,
      AccountErrors.sameEmail,
      AccountErrors.wrongPassword,
      IdentityErrors.emailTaken,
      IdentityErrors.memberNotFound,
    ],
  })
  @AllowPending()
  @NoApiTokens()
  @Post('me/email')
  @HttpCode(202)
  changeEmail(@CurrentUser() user: AuthUser, @Body() body: ChangeEmailDto): Promise<void> {
    return this.settingsService.requestEmailChange(user, body.password, body.newEmail);
  }

  @Endpoint({
    summary: 'Delete your account (password confirms)',
    response: null,
    errors: [GenericErrors.rateLimited, AccountErrors.wrongPassword, IdentityErrors.memberNotFound],
  })
  @AllowPending()
  @NoApiTokens()
  @Delete('me')
  @HttpCode(204)
  async deleteAccount(
    @CurrentUser() user: AuthUser,
    @Body() body: DeleteAccountDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.deletion.delete(user, body.password, body.erase ?? false);
    clearSessionCookies(reply);
  }
}
