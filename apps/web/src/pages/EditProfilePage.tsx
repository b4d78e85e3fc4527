import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../api/session';
import { termName, useTaxonomy } from '../api/taxonomy';
import { Alert, ButtonLink, Card, PageTitle, Spinner } from '../components';
import { AvatarEditor, LogoEditor } from './ImageEditor';
import { JoinRequestsToDecide } from './JoinOrganisation';
import { ProfileForm, profileValues } from './ProfileForm';

export function EditProfilePage() {
  const { me } = useSession();
  const { taxonomy, error } = useTaxonomy();
  const [saved, setSaved] = useState(false);

  if (!me) return null; // guarded route
  const organisation = me.profile.organisation;

  return (
    <>
      <PageTitle
        title="Your profile"
        lead="What other members see about you, and what the matching uses to suggest mentors."
        actions={
          <ButtonLink to={`/members/${me.user.id}`} variant="secondary">
            View your public profile
          </ButtonLink>
        }
      />
      {saved && <Alert tone="success">Your profile is saved.</Alert>}
      <AvatarEditor userId={me.user.id} name={me.user.displayName} url={me.user.avatarUrl} />
      {organisation && <LogoEditor organisation={organisation} />}
      <JoinRequestsToDecide />
      <Card title="Organisation" level={2}>
        {organisation ? (
          <p>
            <strong>{organisation.name}</strong>
            {taxonomy && (
              <>
                {' '}
                · {termName(taxonomy.sectors, organisation.sector)} · {termName(taxonomy.stages, organisation.stage)}
              </>
            )}
          </p>
        ) : (
          <p>
            You joined as an individual. <Link to="/onboarding">Add your organisation</Link>
          </p>
        )}
      </Card>
      {error != null && <Alert tone="danger">The form could not be loaded. Refresh the page to try again.</Alert>}
      {!taxonomy && error == null && <Spinner />}
      {taxonomy && (
        <ProfileForm
          initial={profileValues(me.profile)}
          taxonomy={taxonomy}
          submitLabel="Save profile"
          onSaved={() => {
            setSaved(true);
            window.scrollTo(0, 0);
          }}
        />
      )}
    </>
  );
}
