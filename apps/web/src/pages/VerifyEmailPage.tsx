import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { accountKeys, accounts, settingsQuery } from '../api/accounts';
import { errorMessage } from '../api/client';
import { useSession } from '../api/session';
import { Alert, Button, ButtonLink, PageTitle, Spinner } from '../components';

/**
 * Opened from a mailed link (/verify-email?token=...): a verification after registration or the
 * confirmation of a new address. Following it takes a press of the button, so a mail scanner
 * that opens links spends nothing. Without a token, a signed-in member can ask for a new link.
 */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const client = useQueryClient();
  const { refresh } = useSession();
  const confirm = useMutation({
    mutationFn: accounts.confirmEmail,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: accountKeys.settings });
      await refresh();
    },
  });

  if (!token) return <ResendVerification />;

  if (confirm.isSuccess) {
    return (
      <>
        <PageTitle title={confirm.data.change === 'email-changed' ? 'Email address changed' : 'Email address confirmed'} />
        <Alert tone="success">
          <p>
            {confirm.data.change === 'email-changed'
              ? `Your account now uses ${confirm.data.email}. Sign in with it from now on.`
              : `Thank you: ${confirm.data.email} is confirmed.`}
          </p>
        </Alert>
        <p>
          <ButtonLink to="/">Go to the home page</ButtonLink>
        </p>
      </>
    );
  }

  return (
    <>
      <PageTitle title="Confirm your email address" />
      {confirm.isError && (
        <Alert tone="danger" role="alert">
          <p>{errorMessage(confirm.error)}</p>
        </Alert>
      )}
      <p>Press the button to confirm that this email address is yours.</p>
      <div className="actions">
        <Button busy={confirm.isPending} onClick={() => confirm.mutate(token)}>
          Confirm my email address
        </Button>
      </div>
    </>
  );
}

function ResendVerification() {
  const { me, loading } = useSession();
  const settings = useQuery({ ...settingsQuery, enabled: Boolean(me) });
  const resend = useMutation({ mutationFn: accounts.resendVerification });

  if (loading || (me && settings.isPending)) return <Spinner />;
  if (!me) {
    return (
      <>
        <PageTitle title="Confirm your email address" />
        <p>Open the link in the email we sent you. To have a new one sent, sign in first.</p>
        <p>
          <ButtonLink to="/signin?next=/verify-email">Sign in</ButtonLink>
        </p>
      </>
    );
  }
  if (settings.data?.emailVerified) {
    return (
      <>
        <PageTitle title="Email address confirmed" />
        <p>{settings.data.email} is already confirmed. There is nothing more to do.</p>
      </>
    );
  }
  return (
    <>
      <PageTitle title="Confirm your email address" />
      {resend.isSuccess ? (
        <Alert tone="success">
          <p>We have sent a new link to {settings.data?.email}. It works once, for two days.</p>
        </Alert>
      ) : (
        <p>We sent a link to {settings.data?.email} when you joined. If you cannot find it, we can send another.</p>
      )}
      {resend.isError && (
        <Alert tone="danger" role="alert">
          <p>{errorMessage(resend.error)}</p>
        </Alert>
      )}
      <div className="actions">
        <Button variant={resend.isSuccess ? 'secondary' : 'primary'} busy={resend.isPending} onClick={() => resend.mutate()}>
          Send me a new link
        </Button>
      </div>
    </>
  );
}
