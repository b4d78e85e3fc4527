import { Link, useNavigate } from 'react-router-dom';
import { ApiError, isApiError } from '../api/client';
import { useSession } from '../api/session';
import { Button, ButtonLink, EmptyState, FormError, PageTitle, TextField, useForm, type FieldErrors } from '../components';

interface Values {
  displayName: string;
  email: string;
  password: string;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

function validate(v: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.displayName.trim()) errors.displayName = 'Enter your name';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) errors.email = 'Enter an email address like name@example.org';
  if (v.password.length < PASSWORD_MIN) errors.password = `Your password needs at least ${PASSWORD_MIN} characters`;
  else if (v.password.length > PASSWORD_MAX) errors.password = `Your password can have at most ${PASSWORD_MAX} characters`;
  return errors;
}

export function RegisterPage() {
  const { me, register } = useSession();
  const navigate = useNavigate();
  const form = useForm<Values>({ displayName: '', email: '', password: '' }, { validate });

  const submit = form.handleSubmit(async (values) => {
    try {
      await register({ displayName: values.displayName.trim(), email: values.email.trim(), password: values.password });
    } catch (error) {
      if (isApiError(error, 409) && Object.keys(error.fieldErrors).length === 0) {
        const message = 'An account with this email address already exists. Sign in instead.';
        throw new ApiError(409, error.title, error.detail, {
          type: error.problem?.type ?? 'about:blank',
          title: error.title,
          status: 409,
          detail: error.detail,
          errors: [{ field: 'email', message }],
        });
      }
      throw error;
    }
    navigate('/onboarding');
  });

  if (me && !form.submitting) {
    return (
      <>
        <PageTitle title="Join the network" />
        <EmptyState
          title={`You are signed in as ${me.user.displayName}.`}
          action={<ButtonLink to="/profile">Go to your profile</ButtonLink>}
        />
      </>
    );
  }

  return (
    <>
      <PageTitle
        title="Join the network"
        lead="Create your account, then tell us about your organisation and what you need or can offer. A coordinator approves every new member."
      />
      <form className="form narrow" noValidate onSubmit={submit}>
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
        <TextField label="Your name" hint="Shown to other members." autoComplete="name" {...form.text('displayName')} />
        <TextField label="Email address" type="email" autoComplete="email" spellCheck={false} {...form.text('email')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few unrelated words make a strong password.`}
          {...form.text('password')}
        />
        <div className="actions">
          <Button type="submit" busy={form.submitting}>
            Create account
          </Button>
        </div>
        <p>
          Already a member? <Link to="/signin">Sign in</Link>
        </p>
      </form>
    </>
  );
}
