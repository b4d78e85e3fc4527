import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { accounts } from '../api/accounts';
import { Alert, Button, FormError, PageTitle, TextField, useForm, type FieldErrors } from '../components';

function validate(v: { email: string }): FieldErrors {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim()) ? {} : { email: 'Enter an email address like name@example.org' };
}

export function ForgotPasswordPage() {
  const form = useForm({ email: '' }, { validate });
  const send = useMutation({ mutationFn: accounts.forgotPassword });
  const submit = form.handleSubmit(async ({ email }) => {
    await send.mutateAsync(email.trim());
  });

  if (send.isSuccess) {
    return (
      <>
        <PageTitle title="Check your email" />
        <Alert tone="success" title="If an account uses that address, a link is on its way">
          <p>
            We have sent a link to <strong>{send.variables}</strong> if it belongs to a Mutuals Network account. The link works once, for
            one hour. If nothing arrives in a few minutes, check your spam folder or ask again.
          </p>
        </Alert>
        <p>
          <Link to="/signin">Back to sign in</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageTitle
        title="Reset your password"
        lead="Enter the email address you signed up with and we will send you a link to choose a new password."
      />
      <form className="form narrow" noValidate onSubmit={submit}>
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
        <TextField label="Email address" type="email" autoComplete="email" spellCheck={false} {...form.text('email')} />
        <div className="actions">
          <Button type="submit" busy={form.submitting}>
            Send me a link
          </Button>
        </div>
        <p>
          Remembered it? <Link to="/signin">Sign in</Link>
        </p>
      </form>
    </>
  );
}
