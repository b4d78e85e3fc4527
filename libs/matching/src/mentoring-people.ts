import { Injectable } from '@nestjs/common';
import type { MentoringPerson } from '@mutuals/contracts';
import { ProfilesService } from '@mutuals/profiles';

/** Names for the two sides of requests and mentorships, asked of the profiles lib in one go. */
@Injectable()
export class MentoringPeople {
  constructor(private readonly profiles: ProfilesService) {}

  async byId(ids: Iterable<string>): Promise<Map<string, MentoringPerson>> {
    const wanted = [...new Set(ids)];
    const profiles = await this.profiles.getPublicProfiles(wanted);
    return new Map(
      wanted.map((id) => {
        const p = profiles.get(id);
        const person: MentoringPerson = p
          ? { id, displayName: p.displayName, handle: p.handle, jobTitle: p.jobTitle, organisationName: p.organisation?.name ?? null }
          : { id, displayName: 'Former member', handle: '', jobTitle: null, organisationName: null };
        return [id, person];
      }),
    );
  }
}
