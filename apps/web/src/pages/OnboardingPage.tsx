// Two steps after registering: the organisation (ask to join one already on the network, add a new
// one with what the eligibility check already said filled in, or skip), then the profile.
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { MeView, OrganisationJoinRequestView, OrganisationSummary } from '@mutuals/contracts';
import { useSession } from '../api/session';
import { useTaxonomy } from '../api/taxonomy';
import { Alert, Button, Card, PageTitle, Spinner } from '../components';
import { organisationFromEligibility } from '../eligibilityAnswers';
import { JoinOrganisation } from './JoinOrganisation';
import { OrganisationForm } from './OrganisationForm';
import { ProfileForm, profileValues, type ProfileValues } from './ProfileForm';

const MENTOR_STAGES = new Set(['spun-out', 'trading', 'growing']);

/** The saved profile, with blanks filled in from the organisation just created or asked to join. */
function suggestedProfile(me: MeView, organisation: OrganisationSummary | null): ProfileValues {
  const values = profileValues(me.profile);
  if (!organisation) return values;
  const profile = me.profile;
  const untouched = !profile.mentee.seeks && !profile.mentor.offers;
  return {
    ...values,
    region: values.region || organisation.region,
    sectors: values.sectors.length > 0 ? values.sectors : [organisation.sector],
    mentee: {
      ...values.mentee,
      seeks: untouched && organisation.kind === 'aspiring' ? true : values.mentee.seeks,
      stage: values.mentee.stage || organisation.stage,
    },
    mentor: {
      ...values.mentor,
      stageReached: values.mentor.stageReached || (MENTOR_STAGES.has(organisation.stage) ? organisation.stage : ''),
    },
  };
}

export function OnboardingPage() {
  const { me, refresh } = useSession();
  const { taxonomy, error } = useTaxonomy();
  const navigate = useNavigate();
  const [step, setStep] = useState<1 | 2>(me?.profile.organisationId ? 2 : 1);
  const [organisation, setOrganisation] = useState<OrganisationSummary | null>(null);
  const [joining, setJoining] = useState<OrganisationJoinRequestView | null>(null);
  const [known] = useState(organisationFromEligibility);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [step]);

  if (!me) return null; // the route guard has already sent signed-out visitors to /signin
  if (error) return <Alert tone="danger">The form could not be loaded. Refresh the page to try again.</Alert>;
  if (!taxonomy) return <Spinner />;

  const stepLabel = <span className="step-count">Step {step} of 2</span>;

  if (step === 1) {
    return (
      <>
        {stepLabel}
        <PageTitle
          title="Your organisation"
          lead="Tell us about the organisation you are part of, so members and coordinators can see where you are on the journey."
        />
        <JoinOrganisation
          onAsked={(request) => {
            setJoining(request);
            setOrganisation(request.organisation);
            setStep(2);
          }}
        />
        <h2>Or add your organisation</h2>
        {known && (
          <p className="muted">The sector and kind are filled in from your eligibility check; change them if they are not right.</p>
        )}
        <OrganisationForm
          known={known ?? undefined}
          taxonomy={taxonomy}
          onCreated={(created) => {
            setOrganisation(created);
            setStep(2);
            void refresh(); // the profile now carries the organisation
          }}
          secondaryActions={
            <Button variant="secondary" onClick={() => setStep(2)}>
              Skip: I'm joining as an individual
            </Button>
          }
        />
      </>
    );
  }

  const orgName = joining ? null : (organisation?.name ?? me.profile.organisation?.name);
  return (
    <>
      {stepLabel}
      <PageTitle
        title="Your profile"
        lead="Say what help you are looking for, what you can offer, or both. You can change this at any time."
      />
      {orgName && (
        <Card>
          <p>
            You are a member of <strong>{orgName}</strong>.
          </p>
        </Card>
      )}
      {joining && (
        <Card>
          <p>
            You asked to join <strong>{joining.organisation.name}</strong>. One of its members or a coordinator will approve, and you will
            be told.
          </p>
        </Card>
      )}
      <ProfileForm
        initial={suggestedProfile(me, organisation)}
        taxonomy={taxonomy}
        submitLabel="Finish"
        onSaved={() => navigate(`/members/${me.user.id}`)}
      />
    </>
  );
}
