import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { PROVIDER_REFUSALS, providersQuery } from '../api/accounts';
import { isApiError } from '../api/client';
import { useSession } from '../api/session';
import { Alert, Button, FormError, PageTitle, TextField, useForm, type FieldErrors } from '../components';

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
  const providers = useQuery(providersQuery);
  const refusal = PROVIDER_REFUSALS[params.get('error') ?? ''];

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
      {refusal && (
        <Alert tone="warning" role="alert">
          <p>{refusal}</p>
        </Alert>
      )}
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
          <Link to="/forgot-password">Forgotten your password?</Link>
        </p>
        {(providers.data?.length ?? 0) > 0 && (
          <div className="stack" aria-label="Sign in through your organisation" role="group">
            <p>Or sign in through your organisation:</p>
            {providers.data?.map((provider) => (
              // A full page load: the provider's sign-in is another site.
              <a key={provider.id} className="btn btn-secondary" href={provider.startUrl}>
                Sign in with {provider.name}
              </a>
            ))}
          </div>
        )}
        <p>
          New to Mutuals Network? <Link to="/register">Join the network</Link>
        </p>
      </form>
    </>
  );
}
