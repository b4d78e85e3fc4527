// The multi-step application: each step saves the draft (created at the first save), so an
// applicant can stop and come back. It starts from the last eligibility check in this browser and
// the member's profile, and the last step shows the eligibility outcome with its reasons.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { EligibilityRequest, EmployeeInfluence, SupportApplicationFields, SupportApplicationView } from '@mutuals/contracts';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { supportKeys } from '../../api/support';
import { termOptions, useTaxonomy } from '../../api/taxonomy';
import { ActionFeedback, Button, CheckboxGroup, RadioGroup, Select, TextArea, TextField } from '../../components';
import { rememberedEligibilityAnswers } from '../../eligibilityAnswers';
import { EligibilityOutcome } from './supportParts';

const STEPS = ['Eligibility', 'What you need', 'Growth and match funding', 'Check and submit'] as const;
const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const INFLUENCE: { value: EmployeeInfluence; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'some', label: 'Some' },
  { value: 'significant', label: 'Significant' },
  { value: 'majority', label: 'Staff control it' },
];

interface Draft {
  deliversPublicService: string;
  leftPublicSector: string;
  employeeInfluence: string;
  sector: string;
  canMatchFund: string;
  areas: string[];
  need: string;
  outcome: string;
  byWhen: string;
  growthCase: string;
  matchFunding: string;
  matchFundingSource: string;
}

const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? 'yes' : 'no');

function initialDraft(application: SupportApplicationView | null, profileSector: string, profileNeeds: string[]): Draft {
  const answers: Partial<EligibilityRequest> = application?.eligibility.answers ?? rememberedEligibilityAnswers() ?? {};
  return {
    deliversPublicService: yesNo(answers.deliversPublicService),
    leftPublicSector: yesNo(answers.leftPublicSector),
    employeeInfluence: answers.employeeInfluence ?? '',
    sector: answers.sector ?? profileSector,
    canMatchFund: yesNo(answers.canMatchFund),
    areas: application?.areas.length ? application.areas : profileNeeds.slice(0, 6),
    need: application?.need ?? '',
    outcome: application?.outcome ?? '',
    byWhen: application?.byWhen ?? '',
    growthCase: application?.growthCase ?? '',
    matchFunding: application && application.matchFundingPence > 0 ? String(application.matchFundingPence / 100) : '',
    matchFundingSource: application?.matchFundingSource ?? '',
  };
}

function fieldsOf(draft: Draft): SupportApplicationFields {
  const complete = draft.deliversPublicService && draft.leftPublicSector && draft.employeeInfluence && draft.sector;
  const pounds = Number(draft.matchFunding.replace(/[£,\s]/g, ''));
  return {
    areas: draft.areas,
    need: draft.need,
    outcome: draft.outcome,
    ...(draft.byWhen && { byWhen: draft.byWhen }),
    growthCase: draft.growthCase,
    matchFundingPence: Number.isFinite(pounds) && pounds > 0 ? Math.round(pounds * 100) : 0,
    matchFundingSource: draft.matchFundingSource,
    ...(complete && {
      eligibility: {
        deliversPublicService: draft.deliversPublicService === 'yes',
        leftPublicSector: draft.leftPublicSector === 'yes',
        ...(draft.leftPublicSector === 'no' && { planningToLeave: true }),
        employeeInfluence: draft.employeeInfluence as EmployeeInfluence,
        sector: draft.sector,
        nation: 'england' as const,
        ...(draft.canMatchFund && { canMatchFund: draft.canMatchFund === 'yes' }),
      },
    }),
  };
}

export function ApplicationForm({ application, step: initialStep = 0 }: { application: SupportApplicationView | null; step?: number }) {
  const { me } = useSession();
  const { taxonomy } = useTaxonomy();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [step, setStep] = useState(Math.min(Math.max(initialStep, 0), STEPS.length - 1));
  const [draft, setDraft] = useState(() =>
    initialDraft(application, me?.profile.organisation?.sector ?? '', me?.profile.mentee.needs ?? []),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = useMutation({
    mutationFn: async (next: number) => {
      const fields = fieldsOf(draft);
      const saved = application
        ? await api.patch<SupportApplicationView>(`/support/applications/${application.id}`, fields)
        : await api.post<SupportApplicationView>('/support/applications', fields);
      return { saved, next };
    },
    onSuccess: async ({ saved, next }) => {
      client.setQueryData(supportKeys.one(saved.id), saved);
      await client.invalidateQueries({ queryKey: supportKeys.mine() });
      setNotice('Draft saved.');
      setStep(next);
      if (!application) navigate(`/support/applications/${saved.id}?step=${next}`, { replace: true });
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      await api.patch<SupportApplicationView>(`/support/applications/${application!.id}`, fieldsOf(draft));
      return api.post<SupportApplicationView>(`/support/applications/${application!.id}/submit`);
    },
    onSuccess: async (saved) => {
      client.setQueryData(supportKeys.one(saved.id), saved);
      await client.invalidateQueries({ queryKey: supportKeys.mine() });
      navigate('/support', { state: { notice: `Application ${saved.reference} submitted: the coordinators will assess it.` } });
    },
  });

  return (
    <form
      className="support-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (step < STEPS.length - 1) save.mutate(step + 1);
        else submit.mutate();
      }}
    >
      <ol className="steps" aria-label="Steps">
        {STEPS.map((name, i) => (
          <li key={name} aria-current={i === step ? 'step' : undefined} className={i === step ? 'steps-current' : undefined}>
            {name}
          </li>
        ))}
      </ol>
      <h2>
        Step {step + 1} of {STEPS.length}: {STEPS[step]}
      </h2>
      {step === 0 && (
        <>
          <p>These are the questions of the eligibility check; your answers from it are filled in.</p>
          <RadioGroup
            name="deliversPublicService"
            label="Do you deliver public services with a social purpose?"
            options={YES_NO}
            inline
            value={draft.deliversPublicService}
            onChange={(v) => set('deliversPublicService', v)}
          />
          <RadioGroup
            name="leftPublicSector"
            label="Have you already left the public sector?"
            hint="No means you intend to spin out."
            options={YES_NO}
            inline
            value={draft.leftPublicSector}
            onChange={(v) => set('leftPublicSector', v)}
          />
          <RadioGroup
            name="employeeInfluence"
            label="How much say do staff have over how it is run?"
            options={INFLUENCE}
            inline
            value={draft.employeeInfluence}
            onChange={(v) => set('employeeInfluence', v)}
          />
          <Select
            label="Sector"
            name="sector"
            options={termOptions(taxonomy?.sectors)}
            placeholder="Choose a sector"
            value={draft.sector}
            onChange={(e) => set('sector', e.target.value)}
          />
          <RadioGroup
            name="canMatchFund"
            label="Can you bring cash match funding?"
            options={YES_NO}
            inline
            value={draft.canMatchFund}
            onChange={(v) => set('canMatchFund', v)}
          />
        </>
      )}
      {step === 1 && (
        <>
          <CheckboxGroup
            name="areas"
            label="Areas of advice"
            hint="Up to six"
            columns
            options={termOptions(taxonomy?.supportAreas)}
            value={draft.areas}
            onChange={(v) => set('areas', v.slice(0, 6))}
          />
          <TextArea
            label="What do you need help with?"
            name="need"
            value={draft.need}
            onChange={(e) => set('need', e.target.value)}
            rows={4}
          />
          <TextArea
            label="What outcome do you want?"
            name="outcome"
            value={draft.outcome}
            onChange={(e) => set('outcome', e.target.value)}
            rows={3}
          />
          <TextField label="By when?" name="byWhen" type="date" value={draft.byWhen} onChange={(e) => set('byWhen', e.target.value)} />
        </>
      )}
      {step === 2 && (
        <>
          <TextArea
            label="How does this support help you grow or diversify?"
            name="growthCase"
            value={draft.growthCase}
            onChange={(e) => set('growthCase', e.target.value)}
            rows={4}
          />
          <TextField
            label="Cash match funding you bring (£)"
            name="matchFunding"
            inputMode="decimal"
            hint="Required: the programme matches what you bring"
            value={draft.matchFunding}
            onChange={(e) => set('matchFunding', e.target.value)}
          />
          <TextField
            label="Where the match funding comes from"
            name="matchFundingSource"
            optional
            value={draft.matchFundingSource}
            onChange={(e) => set('matchFundingSource', e.target.value)}
          />
        </>
      )}
      {step === 3 && application && <EligibilityOutcome application={application} />}
      {step === 3 && <p>Submitting sends the application to the programme's coordinators, who assess it and may ask you for more.</p>}
      <ActionFeedback notice={notice} error={save.error ?? submit.error} />
      <div className="forum-actions">
        {step > 0 && (
          <Button type="button" variant="secondary" onClick={() => save.mutate(step - 1)} busy={save.isPending}>
            Back
          </Button>
        )}
        {step < STEPS.length - 1 ? (
          <Button type="submit" busy={save.isPending}>
            Save and continue
          </Button>
        ) : (
          <Button type="submit" busy={submit.isPending}>
            Submit the application
          </Button>
        )}
      </div>
    </form>
  );
}
