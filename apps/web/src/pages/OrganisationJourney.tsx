// An organisation's journey through the stages (exploring, options appraisal, business case...):
// each step with when it was reached and who recorded it. Coordinators record a step dated when it
// happened ("spun out on 1 April"), which the console counts in its journey figures.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganisationSummary } from '@mutuals/contracts';
import { errorMessage } from '../api/client';
import { memberKeys } from '../api/members';
import { organisationKeys, recordStage, stagesQuery } from '../api/organisations';
import { isCoordinator, useSession } from '../api/session';
import { termName, termOptions, useTaxonomy } from '../api/taxonomy';
import { Alert, Button, FormError, Select, Spinner, TextField, useForm, type FieldErrors } from '../components';
import { formatDate } from './mentoring/shared';

export function OrganisationJourney({ organisation }: { organisation: OrganisationSummary }) {
  const { me } = useSession();
  const { taxonomy } = useTaxonomy();
  const journey = useQuery(stagesQuery(organisation.id));
  const coordinator = isCoordinator(me?.user.role);

  return (
    <section aria-labelledby={`journey-${organisation.id}`}>
      <h3 id={`journey-${organisation.id}`}>Journey</h3>
      {journey.error && (
        <Alert tone="danger" role="alert">
          {errorMessage(journey.error)}
        </Alert>
      )}
      {journey.isPending ? (
        <Spinner label="Loading the journey" />
      ) : (
        journey.data && (
          <ol className="journey">
            {journey.data.map((step) => (
              <li key={step.id}>
                <strong>{termName(taxonomy?.stages, step.toStage)}</strong>{' '}
                <time dateTime={step.changedAt}>{formatDate(step.changedAt)}</time>
                {step.changedBy && <span className="muted"> · recorded by {step.changedBy.displayName}</span>}
              </li>
            ))}
          </ol>
        )
      )}
      {coordinator && <RecordStep organisation={organisation} stageOptions={termOptions(taxonomy?.stages)} />}
    </section>
  );
}

function RecordStep({ organisation, stageOptions }: { organisation: OrganisationSummary; stageOptions: { value: string; label: string }[] }) {
  const client = useQueryClient();
  const form = useForm({ stage: '', reachedOn: '' }, { validate: (v): FieldErrors => (v.stage ? {} : { stage: 'Choose the stage it reached' }) });
  const record = useMutation({
    mutationFn: (values: { stage: string; reachedOn: string }) =>
      recordStage(organisation.id, {
        stage: values.stage,
        ...(values.reachedOn && { changedAt: new Date(`${values.reachedOn}T12:00:00Z`).toISOString() }),
      }),
    onSuccess: (journey) => {
      client.setQueryData(organisationKeys.stages(organisation.id), journey);
      // The organisation's stage shows on every profile of its members.
      void client.invalidateQueries({ queryKey: memberKeys.all });
    },
  });
  const submit = form.handleSubmit(async (values) => {
    await record.mutateAsync(values);
    form.reset({ stage: '', reachedOn: '' });
  });
  return (
    <form className="form" noValidate onSubmit={submit} aria-label={`Record a step of ${organisation.name}'s journey`}>
      <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
      {record.isSuccess && <Alert tone="success">The step is recorded.</Alert>}
      <Select label="Stage reached" placeholder="Choose a stage" options={stageOptions.filter((o) => o.value !== organisation.stage)} {...form.text('stage')} />
      <TextField
        label="Reached on"
        optional
        hint="Leave empty for today"
        type="date"
        max={new Date().toISOString().slice(0, 10)}
        {...form.text('reachedOn')}
        error={form.errors.reachedOn ?? form.errors.changedAt}
      />
      <Button type="submit" busy={form.submitting}>
        Record the step
      </Button>
    </form>
  );
}
