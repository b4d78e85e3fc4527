// /members/:id: a member's public profile. Other features add their buttons (Message, Request
// mentoring) through `actions`, without this page knowing about them.
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import type { MeView, PublicProfileView, TaxonomyTerm } from '@mutuals/contracts';
import { errorMessage, isApiError } from '../api/client';
import { memberQuery } from '../api/members';
import { useSession } from '../api/session';
import { termName, useTaxonomy } from '../api/taxonomy';
import { Alert, Avatar, Badge, ButtonLink, Card, EmptyState, PageTitle, Spinner } from '../components';
import { MentoringBadges, memberLine } from './MemberSummary';
import { organisationKinds } from './OrganisationForm';
import { OrganisationJourney } from './OrganisationJourney';

export interface MemberActionContext {
  profile: PublicProfileView;
  me: MeView | null;
  /** True on the signed-in member's own page. */
  isSelf: boolean;
}

/** Renders one action (a button or link) for the member shown; return null to show nothing. */
export type MemberAction = (context: MemberActionContext) => ReactNode;

export interface MemberPageProps {
  /** Extra actions beside the profile's heading, in order. */
  actions?: readonly MemberAction[];
}

function TermList({ terms, slugs }: { terms: readonly TaxonomyTerm[] | undefined; slugs: readonly string[] }) {
  return (
    <ul className="tag-list">
      {slugs.map((s) => (
        <li key={s}>
          <Badge>{termName(terms, s)}</Badge>
        </li>
      ))}
    </ul>
  );
}

export function MemberPage({ actions = [] }: MemberPageProps) {
  const { id = '' } = useParams();
  const { me } = useSession();
  const { taxonomy } = useTaxonomy();
  const { data: profile, error, isPending } = useQuery(memberQuery(id));

  if (isPending) return <Spinner label="Loading profile" />;
  if (isApiError(error, 404) || isApiError(error, 400)) {
    return (
      <>
        <PageTitle title="Member not found" />
        <EmptyState
          title="There is no member at this address, or their profile is not visible to you."
          action={<ButtonLink to="/members">Browse members</ButtonLink>}
        />
      </>
    );
  }
  if (error) {
    return (
      <>
        <PageTitle title="Member" />
        <Alert tone="danger" role="alert">
          {errorMessage(error)}
        </Alert>
      </>
    );
  }

  const isSelf = me?.user.id === profile.id;
  const context: MemberActionContext = { profile, me, isSelf };
  const org = profile.organisation;
  const rendered = actions.map((action, i) => <span key={i}>{action(context)}</span>);

  return (
    <article className="member-page">
      <Avatar id={profile.id} name={profile.displayName} url={profile.avatarUrl} size="lg" />
      <PageTitle
        title={profile.displayName}
        lead={memberLine(profile, taxonomy) || undefined}
        actions={
          <>
            {isSelf && (
              <ButtonLink to="/profile" variant="secondary">
                Edit your profile
              </ButtonLink>
            )}
            {rendered}
          </>
        }
      />
      <p className="handle">@{profile.handle}</p>
      <div className="badges">
        <MentoringBadges profile={profile} />
      </div>

      <div className="grid grid-2">
        <div className="stack">
          {profile.bio && (
            <Card title="About">
              <p className="prose-text">{profile.bio}</p>
            </Card>
          )}
          {profile.sectors.length > 0 && (
            <Card title="Sectors">
              <TermList terms={taxonomy?.sectors} slugs={profile.sectors} />
            </Card>
          )}
          {profile.mentor.offers && (
            <Card title="Offers mentoring">
              <dl className="details">
                <dt>Can help with</dt>
                <dd>
                  <TermList terms={taxonomy?.supportAreas} slugs={profile.mentor.expertise} />
                </dd>
                {profile.mentor.stageReached && (
                  <>
                    <dt>Their mutual has reached</dt>
                    <dd>{termName(taxonomy?.stages, profile.mentor.stageReached)}</dd>
                  </>
                )}
                <dt>Mentees at once</dt>
                <dd>{profile.mentor.capacity}</dd>
              </dl>
            </Card>
          )}
          {profile.mentee.seeks && (
            <Card title="Seeking a mentor">
              <dl className="details">
                <dt>Would like help with</dt>
                <dd>
                  <TermList terms={taxonomy?.supportAreas} slugs={profile.mentee.needs} />
                </dd>
                {profile.mentee.stage && (
                  <>
                    <dt>Stage</dt>
                    <dd>{termName(taxonomy?.stages, profile.mentee.stage)}</dd>
                  </>
                )}
              </dl>
            </Card>
          )}
          {!profile.bio && profile.sectors.length === 0 && !profile.mentor.offers && !profile.mentee.seeks && (
            <EmptyState title={isSelf ? 'Your profile is empty so far.' : `${profile.displayName} has not filled in their profile yet.`}>
              {isSelf && <p>Add a few lines about you and what you need or offer, so others can find you.</p>}
            </EmptyState>
          )}
        </div>

        {org && (
          <Card title="Organisation">
            <p className="org-name">
              <Avatar id={org.id} name={org.name} url={org.logoUrl} /> {org.name}
            </p>
            <dl className="details">
              <dt>Kind</dt>
              <dd>{organisationKinds.find((k) => k.value === org.kind)?.label ?? org.kind}</dd>
              <dt>Sector</dt>
              <dd>{termName(taxonomy?.sectors, org.sector)}</dd>
              <dt>Stage</dt>
              <dd>{termName(taxonomy?.stages, org.stage)}</dd>
              <dt>Region</dt>
              <dd>{termName(taxonomy?.regions, org.region)}</dd>
            </dl>
            <OrganisationJourney organisation={org} />
          </Card>
        )}
      </div>
    </article>
  );
}
