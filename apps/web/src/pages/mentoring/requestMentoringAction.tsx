// "Request mentoring" on a mentor's member page: opens the request form on /mentoring, or says the
// mentor is full (a request to them would be refused with mentorFull).
import { useQuery } from '@tanstack/react-query';
import type { PublicProfileView } from '@mutuals/contracts';
import { availabilityQuery } from '../../api/mentoring';
import { Badge, ButtonLink } from '../../components';
import type { MemberAction } from '../MemberPage';

function RequestMentoring({ mentor }: { mentor: PublicProfileView }) {
  const { data: availability } = useQuery(availabilityQuery(mentor.id));
  if (!availability) return null;
  if (availability.placesLeft === 0) {
    return (
      <p className="muted">
        <Badge tone="neutral">Full</Badge> {mentor.displayName} mentors as many mentees as they offered ({availability.capacity}), so cannot
        take a request now.
      </p>
    );
  }
  return (
    <ButtonLink to={`/mentoring?mentor=${mentor.id}`} variant="secondary">
      Request mentoring
    </ButtonLink>
  );
}

export const requestMentoringAction: MemberAction = ({ profile, isSelf, me }) =>
  profile.mentor.offers && !isSelf && me?.user.status === 'active' ? <RequestMentoring mentor={profile} /> : null;
