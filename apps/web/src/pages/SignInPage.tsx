import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { useSession } from '../api/session';
import { Button, FormError, PageTitle, TextField, useForm, type FieldErrors } from '../components';

interface Values {
  email: string;
  password: string;
}

function validate(v: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.email.trim()) errors.email = 'Enter your email address';
  if (!v.password) errors.password = 'Enter your password';
  return errors;
}

/** Only same-site paths, so ?next= cannot send anyone elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { me, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const form = useForm<Values>({ email: '', password: '' }, { validate });

  const submit = form.handleSubmit(async (values) => {
    try {
      await signIn({ email: values.email.trim(), password: values.password });
    } catch (error) {
      if (isApiError(error, 401)) throw new Error('The email address or password is not right.');
      throw error;
    }
    navigate(next, { replace: true });
  });

  if (me && !form.submitting) return <Navigate to={next} replace />;

  return (
    <>
      <PageTitle title="Sign in" />
      <form className="form narrow" noValidate onSubmit={submit}>
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
        <TextField label="Email address" type="email" autoComplete="email" spellCheck={false} {...form.text('email')} />
        <TextField label="Password" type="password" autoComplete="current-password" {...form.text('password')} />
        <div className="actions">
          <Button type="submit" busy={form.submitting}>
            Sign in
          </Button>
        </div>
        <p>
          New to Mutuals Network? <Link to="/register">Join the network</Link>
        </p>
      </form>
    </>
  );
}
