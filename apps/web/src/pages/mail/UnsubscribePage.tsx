import { useMutation, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import type { UnsubscribeView } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { unsubscribeQuery } from '../../api/mail';
import { Alert, Button, PageTitle, Spinner } from '../../components';

/** Where an email's unsubscribe link leads: works without signing in; the change needs a click (link scanners only GET). */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const current = useQuery(unsubscribeQuery(token));
  const stop = useMutation({ mutationFn: () => api.post<UnsubscribeView>(`/mail/unsubscribe?token=${encodeURIComponent(token)}`) });
  const view = stop.data ?? current.data;

  return (
    <>
      <PageTitle title="Unsubscribe" />
      {current.isPending && token !== '' && <Spinner />}
      {(token === '' || current.error) && (
        <Alert tone="danger" title="This link does not work">
          {current.error ? errorMessage(current.error) : 'The link has no token.'}
        </Alert>
      )}
      {stop.error && (
        <Alert tone="danger" title="Could not unsubscribe">
          {errorMessage(stop.error)}
        </Alert>
      )}
      {view &&
        (view.unsubscribed ? (
          <Alert tone="success" title="You are unsubscribed">
            You will no longer get emails for “{view.label}”. You can change this in your notification settings.
          </Alert>
        ) : (
          <>
            <p>Stop emails for “{view.label}”?</p>
            <Button onClick={() => stop.mutate()} disabled={stop.isPending}>
              Unsubscribe
            </Button>
          </>
        ))}
    </>
  );
}
