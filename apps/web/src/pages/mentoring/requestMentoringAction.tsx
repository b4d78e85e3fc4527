// "Request mentoring" on a mentor's member page: opens the request form on /mentoring.
import { ButtonLink } from '../../components';
import type { MemberAction } from '../MemberPage';

export const requestMentoringAction: MemberAction = ({ profile, isSelf, me }) =>
  profile.mentor.offers && !isSelf && me?.user.status === 'active' ? (
    <ButtonLink to={`/mentoring?mentor=${profile.id}`} variant="secondary">
      Request mentoring
    </ButtonLink>
  ) : null;
