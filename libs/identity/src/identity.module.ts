import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccountDeletionService } from './accounts/account-deletion.service';
import { AccountLinks } from './accounts/account-links';
import { AccountRecoveryService } from './accounts/account-recovery.service';
import { AccountSettingsService } from './accounts/account-settings.service';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsRepository } from './accounts/accounts.repository';
import { EmailVerificationService } from './accounts/email-verification.service';
import { ApiTokensController } from './api-tokens/api-tokens.controller';
import { ApiTokensRepository } from './api-tokens/api-tokens.repository';
import { ApiTokensService } from './api-tokens/api-tokens.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { SessionCache } from './auth/session-cache';
import { LocalStrategy } from './auth/strategies/local.strategy';
import { SessionTokenStrategy } from './auth/strategies/session-token.strategy';
import { IdentityService } from './identity.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { SessionsRepository } from './repositories/sessions.repository';
import { UsersRepository } from './repositories/users.repository';

@Module({
  imports: [PassportModule.register({ session: false })],
  controllers: [AuthController, AccountsController, OidcController, ApiTokensController],
  providers: [
    IdentityService,
    UsersRepository,
    SessionsRepository,
    SessionCache,
    LocalStrategy,
    SessionTokenStrategy,
    AccountsRepository,
    AccountLinks,
    AccountRecoveryService,
    EmailVerificationService,
    AccountSettingsService,
    AccountDeletionService,
    OidcService,
    ApiTokensRepository,
    ApiTokensService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IdentityService, AccountSettingsService],
})
export class IdentityModule {}
