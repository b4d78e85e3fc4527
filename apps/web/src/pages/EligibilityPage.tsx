import { useEffect, useRef, useState } from 'react';
import type { EligibilityRequest, EligibilityResult, EmployeeInfluence, Nation } from '@mutuals/contracts';
import { api } from '../api/client';
import { useSession } from '../api/session';
import { termOptions, useTaxonomy } from '../api/taxonomy';
import { rememberEligibilityAnswers } from '../eligibilityAnswers';
import { Alert, Button, ButtonLink, FormError, PageTitle, RadioGroup, Select, TextField, useForm, type FieldErrors } from '../components';

type YesNo = 'yes' | 'no' | '';

interface Values {
  deliversPublicService: YesNo;
  leftPublicSector: YesNo;
  planningToLeave: YesNo;
  employeeInfluence: EmployeeInfluence | '';
  sector: string;
  nation: Nation | '';
  yearsTrading: string;
  onOriginalContract: YesNo;
  canMatchFund: YesNo | 'unsure';
}

const initial: Values = {
  deliversPublicService: '',
  leftPublicSector: '',
  planningToLeave: '',
  employeeInfluence: '',
  sector: '',
  nation: '',
  yearsTrading: '',
  onOriginalContract: '',
  canMatchFund: '',
};

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

const influenceOptions: { value: EmployeeInfluence; label: string; hint: string }[] = [
  { value: 'none', label: 'None yet', hint: 'Decisions sit with managers or the parent body.' },
  { value: 'some', label: 'Some', hint: 'Staff are consulted, for example through a staff forum.' },
  { value: 'significant', label: 'Significant', hint: 'Staff elect board members, hold shares or have a formal vote.' },
  { value: 'majority', label: 'Majority', hint: 'Staff own or control the organisation.' },
];

const nations: { value: Nation; label: string }[] = [
  { value: 'england', label: 'England' },
  { value: 'scotland', label: 'Scotland' },
  { value: 'wales', label: 'Wales' },
  { value: 'northern-ireland', label: 'Northern Ireland' },
];

const outcomeTitle: Record<EligibilityResult['outcome'], string> = {
  eligible: 'You look eligible for support',
  likely: 'You are likely to be eligible',
  'not-yet': 'Not eligible yet',
};

function validate(v: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.deliversPublicService) errors.deliversPublicService = 'Say whether your organisation delivers public services';
  if (!v.leftPublicSector) errors.leftPublicSector = 'Say whether your organisation has left the public sector';
  if (!v.employeeInfluence) errors.employeeInfluence = 'Choose how much say staff have';
  if (!v.sector) errors.sector = 'Choose your sector';
  if (v.leftPublicSector === 'yes' && v.yearsTrading !== '') {
    const years = Number(v.yearsTrading);
    if (!Number.isInteger(years) || years < 0 || years > 100) errors.yearsTrading = 'Enter a whole number of years, like 3';
  }
  return errors;
}

function toRequest(v: Values): EligibilityRequest {
  const body: EligibilityRequest = {
    deliversPublicService: v.deliversPublicService === 'yes',
    leftPublicSector: v.leftPublicSector === 'yes',
    employeeInfluence: v.employeeInfluence as EmployeeInfluence,
    sector: v.sector,
  };
  if (v.nation) body.nation = v.nation;
  if (v.canMatchFund === 'yes' || v.canMatchFund === 'no') body.canMatchFund = v.canMatchFund === 'yes';
  if (body.leftPublicSector) {
    if (v.yearsTrading !== '') body.yearsTrading = Number(v.yearsTrading);
    if (v.onOriginalContract) body.onOriginalContract = v.onOriginalContract === 'yes';
  } else if (v.planningToLeave) {
    body.planningToLeave = v.planningToLeave === 'yes';
  }
  return body;
}

function Result({ result, onAgain }: { result: EligibilityResult; onAgain: () => void }) {
  const { me } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []); // the answer is what changed: start reading there
  return (
    <section className={`card result result-${result.outcome}`} aria-labelledby="result-heading">
      <h2 id="result-heading" tabIndex={-1} ref={heading}>
        {outcomeTitle[result.outcome]}
      </h2>
      {result.reasons.length > 0 && (
        <>
          <h3>Why</h3>
          <ul>
            {result.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
      {result.nextSteps.length > 0 && (
        <>
          <h3>What to do next</h3>
          <ul>
            {result.nextSteps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        {!me && <ButtonLink to="/register">Join the network</ButtonLink>}
        <Button variant="secondary" onClick={onAgain}>
          Change your answers
        </Button>
      </div>
    </section>
  );
}

export function EligibilityPage() {
  const { taxonomy, error: taxonomyError } = useTaxonomy();
  const [result, setResult] = useState<EligibilityResult | null>(null);
  const form = useForm<Values>(initial, { validate });
  const { values: v, set, errors } = form;

  const submit = form.handleSubmit(async (values) => {
    const answers = toRequest(values);
    setResult(await api.post<EligibilityResult>('/eligibility/check', answers));
    rememberEligibilityAnswers(answers);
  });

  if (result) {
    return (
      <>
        <PageTitle title="Eligibility check" />
        <Result result={result} onAgain={() => setResult(null)} />
      </>
    );
  }

  return (
    <>
      <PageTitle
        title="Eligibility check"
        lead="Find out whether your organisation can get support from the Mutuals Support Programme: mentoring, peer support and professional advice. It takes a couple of minutes."
      />
      {taxonomyError != null && <Alert tone="danger">The list of sectors could not be loaded. Refresh the page to try again.</Alert>}
      <form className="form narrow" noValidate onSubmit={submit}>
        <FormError error={form.formError} fieldErrors={errors} focusKey={form.failures} />

        <RadioGroup
          name="deliversPublicService"
          label="Does your organisation deliver public services with a social purpose?"
          hint="For example community health, adult social care, libraries, leisure or youth services, commissioned by a council, the NHS or central government."
          options={yesNo}
          inline
          value={v.deliversPublicService}
          onChange={(value) => set('deliversPublicService', value as YesNo)}
          error={errors.deliversPublicService}
        />

        <RadioGroup
          name="leftPublicSector"
          label="Has your organisation already left the public sector?"
          hint="It has spun out of a council, NHS body or government department and trades independently."
          options={yesNo}
          inline
          value={v.leftPublicSector}
          onChange={(value) => set('leftPublicSector', value as YesNo)}
          error={errors.leftPublicSector}
        />

        {v.leftPublicSector === 'no' && (
          <RadioGroup
            name="planningToLeave"
            label="Are you planning to leave the public sector?"
            hint="You are exploring or preparing to spin out as an independent organisation."
            options={yesNo}
            inline
            optional
            value={v.planningToLeave}
            onChange={(value) => set('planningToLeave', value as YesNo)}
            error={errors.planningToLeave}
          />
        )}

        {v.leftPublicSector === 'yes' && (
          <>
            <TextField
              label="How many years have you been trading independently?"
              hint="Count from go-live. Enter 0 if it is less than a year."
              inputMode="numeric"
              className="input-short"
              optional
              {...form.text('yearsTrading')}
            />
            <RadioGroup
              name="onOriginalContract"
              label="Are you still on your original contract with the body you left?"
              hint="The contract you spun out with, not yet re-tendered."
              options={yesNo}
              inline
              optional
              value={v.onOriginalContract}
              onChange={(value) => set('onOriginalContract', value as YesNo)}
              error={errors.onOriginalContract}
            />
          </>
        )}

        <RadioGroup
          name="employeeInfluence"
          label="How much say do staff have in how the organisation is run?"
          hint="Now, or once you have spun out if you are still in the public sector."
          options={influenceOptions}
          value={v.employeeInfluence}
          onChange={(value) => set('employeeInfluence', value as EmployeeInfluence)}
          error={errors.employeeInfluence}
        />

        <Select
          label="Which sector do you work in?"
          placeholder={taxonomy ? 'Choose a sector' : 'Loading sectors…'}
          options={termOptions(taxonomy?.sectors)}
          {...form.text('sector')}
        />

        <Select
          label="Where is your organisation based?"
          placeholder="Choose a nation"
          options={nations}
          optional
          {...form.text('nation')}
        />

        <RadioGroup
          name="canMatchFund"
          label="Could you bring cash match funding?"
          hint="The programme asks organisations to contribute some cash towards the support they receive."
          options={[...yesNo, { value: 'unsure', label: 'Not sure yet' }]}
          inline
          optional
          value={v.canMatchFund}
          onChange={(value) => set('canMatchFund', value as Values['canMatchFund'])}
          error={errors.canMatchFund}
        />

        <div className="actions">
          <Button type="submit" busy={form.submitting}>
            Check eligibility
          </Button>
        </div>
      </form>
    </>
  );
}
