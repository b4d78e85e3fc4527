import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '../entities/user.entity';
import type { AuthUser } from '../identity.types';

export const PUBLIC_ROUTE = 'identity:public';
export const ALLOW_PENDING = 'identity:allow-pending';
export const REQUIRED_ROLES = 'identity:roles';
export const NO_API_TOKENS = 'identity:no-api-tokens';

/** Open to anyone: the guard still recognises a signed-in caller, but does not require one. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** A change a member awaiting approval may make (their own profile, signing out). */
export const AllowPending = () => SetMetadata(ALLOW_PENDING, true);

/**
 * An action for a signed-in person only (session cookie or sign-in bearer), never a personal API
 * token whatever its scopes: changing the password or email, deleting the account, managing tokens.
 */
export const NoApiTokens = () => SetMetadata(NO_API_TOKENS, true);

/** Coordinator routes; admins may do whatever coordinators may. */
export const CoordinatorOnly = () => SetMetadata(REQUIRED_ROLES, ['coordinator', 'admin'] satisfies Role[]);

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

/** The caller if signed in, on a public route. */
export const OptionalUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser | null => {
  return context.switchToHttp().getRequest<{ user?: AuthUser }>().user ?? null;
});
