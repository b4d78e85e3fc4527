// Bits of a public profile shown both in the directory and on the member page.
import type { PublicProfileView, TaxonomyView } from '@mutuals/contracts';
import { termName } from '../api/taxonomy';
import { Badge } from '../components';

/** "Chief executive at Riverside Care CIC · North West" */
export function memberLine(profile: PublicProfileView, taxonomy: TaxonomyView | null): string {
  const role = [profile.jobTitle, profile.organisation?.name].filter(Boolean).join(' at ');
  const region = profile.region ? termName(taxonomy?.regions, profile.region) : '';
  return [role, region].filter(Boolean).join(' · ');
}

export function MentoringBadges({ profile }: { profile: PublicProfileView }) {
  return (
    <>
      {profile.mentor.offers && <Badge tone="success">Offers mentoring</Badge>}
      {profile.mentee.seeks && <Badge tone="info">Seeking a mentor</Badge>}
    </>
  );
}
