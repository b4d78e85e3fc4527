import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { accounts } from '../api/accounts';
import { isApiError } from '../api/client';
import { Alert, Button, ButtonLink, FormError, PageTitle, TextField, useForm, type FieldErrors } from '../components';
import { PASSWORD_HINT, passwordProblem } from './passwords';

interface Values {
  password: string;
  confirm: string;
}

function validate(v: Values): FieldErrors {
  const problem = passwordProblem(v.password);
  if (problem) return { password: problem };
  return v.confirm === v.password ? {} : { confirm: 'The two passwords are not the same' };
}

/** Opened from the mailed link: /reset-password?token=... */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useForm<Values>({ password: '', confirm: '' }, { validate });
  const reset = useMutation({ mutationFn: accounts.resetPassword });
  const submit = form.handleSubmit(async ({ password }) => {
    await reset.mutateAsync({ token, password });
  });
  const linkSpent = isApiError(reset.error, 400) && reset.error.problem?.code === 'linkExpiredOrUsed';

  if (reset.isSuccess) {
    return (
      <>
        <PageTitle title="Password changed" />
        <Alert tone="success">
          <p>Your new password is set. For your safety we have signed you out everywhere, so sign in again with it.</p>
        </Alert>
        <p>
          <ButtonLink to="/signin">Sign in</ButtonLink>
        </p>
      </>
    );
  }

  if (!token || linkSpent) {
    return (
      <>
        <PageTitle title="This link does not work" />
        <Alert tone="warning">
          <p>A reset link works once, for one hour, and only the latest one we sent. Ask for a new link and use it soon.</p>
        </Alert>
        <p>
          <ButtonLink to="/forgot-password">Send me a new link</ButtonLink>
        </p>
      </>
    );
  }

  return (
    <>
      <PageTitle title="Choose a new password" />
      <form className="form narrow" noValidate onSubmit={submit}>
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
        <TextField label="New password" type="password" autoComplete="new-password" hint={PASSWORD_HINT} {...form.text('password')} />
        <TextField label="New password again" type="password" autoComplete="new-password" {...form.text('confirm')} />
        <div className="actions">
          <Button type="submit" busy={form.submitting}>
            Set my new password
          </Button>
        </div>
        <p>
          <Link to="/signin">Back to sign in</Link>
        </p>
      </form>
    </>
  );
}
