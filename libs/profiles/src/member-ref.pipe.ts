import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { HANDLE_PATTERN } from '@mutuals/identity';
import { ProfilesErrors } from './profiles.errors';

/** How a member is named in a path: their id, or their handle (with or without the `@` of a mention link). */
export type MemberRef = { id: string } | { handle: string };

@Injectable()
export class MemberRefPipe implements PipeTransform<string, MemberRef> {
  transform(value: string): MemberRef {
    if (isUUID(value)) return { id: value };
    const handle = value.replace(/^@/, '').toLowerCase();
    if (HANDLE_PATTERN.test(handle)) return { handle };
    throw ProfilesErrors.invalidProfile('A member is named by id or @handle', [{ field: 'id', message: 'must be a member id or @handle' }]);
  }
}
