import { FilesErrors } from '@mutuals/files';
import type { ErrorCode } from '@mutuals/contracts';
import { GenericErrors, type ErrorFactory } from '@mutuals/core';
import { ChatErrors } from '@mutuals/chat';
import { ForumsErrors } from '@mutuals/forums';
import { AccountErrors, IdentityErrors } from '@mutuals/identity';
import { MatchingErrors } from '@mutuals/matching';
import { NotificationsErrors } from '@mutuals/notifications';
import { PartnershipsErrors } from '@mutuals/partnerships';
import { ProfilesErrors } from '@mutuals/profiles';
import { StoriesErrors } from '@mutuals/stories';
import { SupportErrors } from '@mutuals/support';
import { WebhooksErrors } from '@mutuals/webhooks';

/**
 * Every area's table of error codes and kinds (each lib's `defineErrors`), in one place: the
 * OpenAPI problem schema lists these codes, and a test sends each through the error filter.
 */
export const ERROR_TABLES = {
  generic: GenericErrors,
  identity: IdentityErrors,
  accounts: AccountErrors,
  profiles: ProfilesErrors,
  matching: MatchingErrors,
  forums: ForumsErrors,
  chat: ChatErrors,
  notifications: NotificationsErrors,
  files: FilesErrors,
  stories: StoriesErrors,
  support: SupportErrors,
  partnerships: PartnershipsErrors,
  webhooks: WebhooksErrors,
} satisfies Record<string, Record<string, ErrorFactory>>;

type Tables = typeof ERROR_TABLES;
type CataloguedCode = { [Area in keyof Tables]: keyof Tables[Area] }[keyof Tables];
// Compile-time check: every code of the contract comes from one of the tables above.
const _everyCodeHasATable: [ErrorCode] extends [CataloguedCode] ? true : never = true;
void _everyCodeHasATable;

/** Every code, once, sorted. */
export function errorCodes(): ErrorCode[] {
  const codes = Object.values(ERROR_TABLES).flatMap((table) => Object.values(table).map((factory: ErrorFactory) => factory.code));
  return [...new Set(codes)].sort();
}
