// "Request mentoring": a message and optional goals (one a line) to one mentor.
import type { MentoringRequestView } from '@mutuals/contracts';
import { api } from '../../api/client';
import { Button, FormError, TextArea, useForm, type FieldErrors } from '../../components';

export function RequestForm({
  mentorId,
  mentorName,
  onSent,
  onCancel,
}: {
  mentorId: string;
  mentorName: string;
  onSent: (r: MentoringRequestView) => void;
  onCancel?: () => void;
}) {
  const form = useForm(
    { message: '', goals: '' },
    { validate: (v): FieldErrors => (v.message.trim() ? {} : { message: 'Write a message to the mentor' }) },
  );
  const submit = form.handleSubmit(async (values) => {
    const goals = values.goals
      .split('\n')
      .map((g) => g.trim())
      .filter(Boolean);
    onSent(
      await api.post<MentoringRequestView>('/mentoring/requests', { mentorId, message: values.message, ...(goals.length && { goals }) }),
    );
  });
  return (
    <form className="request-form stack" onSubmit={submit} noValidate aria-label={`Request mentoring from ${mentorName}`}>
      <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
      <TextArea
        label="Message"
        hint={`Tell ${mentorName} about your organisation and what you hope to get from mentoring.`}
        rows={4}
        maxLength={2000}
        {...form.text('message')}
      />
      <TextArea label="Goals" optional hint="One a line, for example “Business case approved by March”." rows={3} {...form.text('goals')} />
      <div className="button-row">
        <Button type="submit" busy={form.submitting}>
          Send request
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
