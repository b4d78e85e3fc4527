export { IdentityModule } from './identity.module';
export { IdentityService } from './identity.service';
export { AllowPending, CoordinatorOnly, CurrentUser, OptionalUser, Public } from './auth/auth.decorators';
export { SESSION_COOKIE, bearerToken, readCookie } from './auth/cookies';
export { HANDLE_PATTERN } from './auth/handles';
export { ROLES, STATUSES } from './entities/user.entity';
export * from './identity.types';
export { MemberListQuery, RejectMemberDto } from './dto/auth.dto';
export { IdentityErrors } from './identity.errors';
