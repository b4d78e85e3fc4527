// The profile form of PATCH /me/profile, used by onboarding (step 2) and the edit-profile page.
// The values nest like the request (`mentor.capacity`), so a 400's field errors land on the right field.
import type { ProfileView, TaxonomyView, UpdateProfileRequest } from '@mutuals/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { memberKeys } from '../api/members';
import { useSession } from '../api/session';
import { termOptions } from '../api/taxonomy';
import { Button, Checkbox, CheckboxGroup, FormError, Select, TextArea, TextField, useForm, type FieldErrors } from '../components';

export interface ProfileValues {
  displayName: string;
  jobTitle: string;
  bio: string;
  region: string;
  sectors: string[];
  mentee: { seeks: boolean; needs: string[]; stage: string };
  mentor: { offers: boolean; expertise: string[]; capacity: string; stageReached: string };
}

// The limits UpdateProfileDto enforces, checked here first so the message sits by the field.
export const MENTOR_CAPACITY_MAX = 5;
const MAX_SECTORS = 5;
const MAX_NEEDS = 8;
const MAX_EXPERTISE = 10;

const labels: Record<string, string> = {
  displayName: 'Your name',
  jobTitle: 'Job title',
  bio: 'Bio',
  region: 'Region',
  sectors: 'Sectors',
  'mentee.needs': 'Areas where you would like help',
  'mentee.stage': 'Stage',
  'mentor.expertise': 'Areas you can help with',
  'mentor.capacity': 'Number of mentees',
  'mentor.stageReached': 'Stage reached',
};

export function profileValues(p: ProfileView): ProfileValues {
  return {
    displayName: p.displayName,
    jobTitle: p.jobTitle ?? '',
    bio: p.bio ?? '',
    region: p.region ?? '',
    sectors: p.sectors,
    mentee: { seeks: p.mentee.seeks, needs: p.mentee.needs, stage: p.mentee.stage ?? '' },
    mentor: {
      offers: p.mentor.offers,
      expertise: p.mentor.expertise,
      capacity: String(p.mentor.capacity || 1),
      stageReached: p.mentor.stageReached ?? '',
    },
  };
}

function validate(v: ProfileValues): FieldErrors {
  const errors: FieldErrors = {};
  const name = v.displayName.trim();
  if (!name) errors.displayName = 'Enter your name';
  else if (name.length < 2 || name.length > 80) errors.displayName = 'Your name needs 2 to 80 characters';
  if (v.sectors.length > MAX_SECTORS) errors.sectors = `Choose up to ${MAX_SECTORS} sectors`;
  if (v.mentee.seeks) {
    if (v.mentee.needs.length === 0) errors['mentee.needs'] = 'Choose at least one area where you would like help';
    else if (v.mentee.needs.length > MAX_NEEDS) errors['mentee.needs'] = `Choose up to ${MAX_NEEDS} areas`;
    if (!v.mentee.stage) errors['mentee.stage'] = 'Choose where your organisation is on its journey';
  }
  if (v.mentor.offers) {
    if (v.mentor.expertise.length === 0) errors['mentor.expertise'] = 'Choose at least one area you can help with';
    else if (v.mentor.expertise.length > MAX_EXPERTISE) errors['mentor.expertise'] = `Choose up to ${MAX_EXPERTISE} areas`;
    const capacity = Number(v.mentor.capacity);
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > MENTOR_CAPACITY_MAX) {
      errors['mentor.capacity'] = `Choose between 1 and ${MENTOR_CAPACITY_MAX} mentees`;
    }
    if (!v.mentor.stageReached) errors['mentor.stageReached'] = 'Choose the furthest stage your mutual has reached';
  }
  return errors;
}

function toRequest(v: ProfileValues): UpdateProfileRequest {
  return {
    displayName: v.displayName.trim(),
    jobTitle: v.jobTitle.trim() || null,
    bio: v.bio.trim() || null,
    region: v.region || null,
    sectors: v.sectors,
    mentee: v.mentee.seeks ? { seeks: true, needs: v.mentee.needs, stage: v.mentee.stage } : { seeks: false },
    mentor: v.mentor.offers
      ? {
          offers: true,
          expertise: v.mentor.expertise,
          capacity: Number(v.mentor.capacity),
          stageReached: v.mentor.stageReached,
        }
      : { offers: false },
  };
}

const capacityOptions = Array.from({ length: MENTOR_CAPACITY_MAX }, (_, i) => ({
  value: String(i + 1),
  label: i === 0 ? '1 mentee' : `${i + 1} mentees`,
}));

function countHint(text: string, count: number) {
  return (
    <>
      {text} <span className="muted">({count} chosen)</span>
    </>
  );
}

export interface ProfileFormProps {
  /** What the form starts with: the saved profile, perhaps with suggestions laid over it. */
  initial: ProfileValues;
  taxonomy: TaxonomyView;
  submitLabel: string;
  /** Called with the saved profile, after the session has been refreshed. */
  onSaved: (profile: ProfileView) => void;
}

export function ProfileForm({ initial, taxonomy, submitLabel, onSaved }: ProfileFormProps) {
  const { refresh } = useSession();
  const client = useQueryClient();
  const form = useForm<ProfileValues>(initial, { validate });
  const { values: v, set, errors } = form;
  const areas = termOptions(taxonomy.supportAreas);
  const stages = termOptions(taxonomy.stages);

  const submit = form.handleSubmit(async (values) => {
    const saved = await api.patch<ProfileView>('/me/profile', toRequest(values));
    await refresh();
    void client.invalidateQueries({ queryKey: memberKeys.all }); // the directory and member pages show it too
    onSaved(saved);
  });

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormError error={form.formError} fieldErrors={errors} focusKey={form.failures} labels={labels} />

      <fieldset className="form-section">
        <legend>About you</legend>
        <TextField label="Your name" autoComplete="name" maxLength={80} {...form.text('displayName')} />
        <TextField
          label="Job title"
          hint="For example Chief executive, Finance director or Service manager."
          autoComplete="organization-title"
          maxLength={120}
          optional
          {...form.text('jobTitle')}
        />
        <TextArea
          label="Bio"
          hint="A few lines about you and your organisation's journey: what you deliver, where you are and what you have learnt."
          maxLength={4000}
          optional
          {...form.text('bio')}
        />
        <Select label="Region" placeholder="Choose a region" options={termOptions(taxonomy.regions)} optional {...form.text('region')} />
        <CheckboxGroup
          name="sectors"
          label="Sectors you work in"
          hint={countHint(`Choose up to ${MAX_SECTORS}.`, v.sectors.length)}
          options={termOptions(taxonomy.sectors)}
          columns
          optional
          value={v.sectors}
          onChange={(value) => set('sectors', value)}
          error={errors.sectors}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>Mentoring</legend>
        <Checkbox
          name="mentee.seeks"
          label="I'm seeking a mentor"
          hint="We will suggest mentors whose experience matches what you need."
          checked={v.mentee.seeks}
          onChange={(e) => set('mentee.seeks', e.target.checked)}
          error={errors['mentee.seeks']}
        />
        {v.mentee.seeks && (
          <div className="conditional">
            <CheckboxGroup
              name="mentee.needs"
              label="Where would a mentor help most?"
              hint={countHint(`Choose 1 to ${MAX_NEEDS} areas, so mentors can see your priorities.`, v.mentee.needs.length)}
              options={areas}
              columns
              value={v.mentee.needs}
              onChange={(value) => set('mentee.needs', value)}
              error={errors['mentee.needs']}
            />
            <Select
              label="Where is your organisation on its journey?"
              placeholder="Choose a stage"
              options={stages}
              {...form.text('mentee.stage')}
            />
          </div>
        )}

        <Checkbox
          name="mentor.offers"
          label="I offer mentoring"
          hint="Share what your mutual learnt with a team a few steps behind."
          checked={v.mentor.offers}
          onChange={(e) => set('mentor.offers', e.target.checked)}
          error={errors['mentor.offers']}
        />
        {v.mentor.offers && (
          <div className="conditional">
            <CheckboxGroup
              name="mentor.expertise"
              label="What can you help with?"
              hint={countHint(`Choose up to ${MAX_EXPERTISE} areas where you have real experience.`, v.mentor.expertise.length)}
              options={areas}
              columns
              value={v.mentor.expertise}
              onChange={(value) => set('mentor.expertise', value)}
              error={errors['mentor.expertise']}
            />
            <Select
              label="How many mentees could you support at once?"
              options={capacityOptions}
              className="input-short"
              {...form.text('mentor.capacity')}
            />
            <Select
              label="The furthest stage your mutual has reached"
              placeholder="Choose a stage"
              options={stages}
              {...form.text('mentor.stageReached')}
            />
          </div>
        )}
      </fieldset>

      <div className="actions">
        <Button type="submit" busy={form.submitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
