import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DigestFrequency, NotificationChannel, NotificationPreferencesView, UpdateNotificationPreferencesRequest } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { mailKeys, notificationPreferencesQuery } from '../../api/mail';
import { Alert, PageTitle, Spinner } from '../../components';

const CHANNEL_LABELS: Record<NotificationChannel, string> = {
  email: 'Email at once',
  digest: 'In the digest',
  app: 'In the app only',
  off: 'Off',
};
const DIGEST_LABELS: Record<DigestFrequency, string> = { daily: 'Daily', weekly: 'Weekly (Mondays)', off: 'Never' };

/** The "Notifications" section of the account settings: how each kind reaches the member. */
export function NotificationSettingsPage() {
  const queryClient = useQueryClient();
  const preferences = useQuery(notificationPreferencesQuery());
  const save = useMutation({
    mutationFn: (change: UpdateNotificationPreferencesRequest) => api.put<NotificationPreferencesView>('/me/notification-preferences', change),
    onSuccess: (view) => queryClient.setQueryData(mailKeys.preferences(), view),
  });

  return (
    <>
      <PageTitle title="Notifications" lead="Choose how each kind of news reaches you. Emails about your account (password, address) always come." />
      {preferences.isPending && <Spinner />}
      {preferences.error && <Alert tone="danger" title="Could not load your settings">{errorMessage(preferences.error)}</Alert>}
      {save.error && <Alert tone="danger" title="Could not save">{errorMessage(save.error)}</Alert>}
      {preferences.data && (
        <form className="stack" onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>Digest</legend>
            <label htmlFor="digest-frequency">How often to send the digest</label>
            <select
              id="digest-frequency"
              value={preferences.data.digest}
              onChange={(e) => save.mutate({ digest: e.target.value as DigestFrequency })}
            >
              {Object.entries(DIGEST_LABELS).map(([value, label]) => (
                <option key={value} value={value}>{label}</option>
              ))}
            </select>
          </fieldset>
          {preferences.data.kinds.map((kind) => (
            <fieldset key={kind.kind}>
              <legend>{kind.label}</legend>
              <p id={`${kind.kind}-help`}>{kind.description}</p>
              <label htmlFor={`${kind.kind}-channel`}>How it reaches you</label>
              <select
                id={`${kind.kind}-channel`}
                aria-describedby={`${kind.kind}-help`}
                value={kind.channel}
                onChange={(e) => save.mutate({ kinds: [{ kind: kind.kind, channel: e.target.value as NotificationChannel }] })}
              >
                {kind.channels.map((channel) => (
                  <option key={channel} value={channel}>
                    {CHANNEL_LABELS[channel]}{channel === kind.defaultChannel ? ' (default)' : ''}
                  </option>
                ))}
              </select>
            </fieldset>
          ))}
          <p role="status">{save.isPending ? 'Saving…' : save.isSuccess ? 'Saved.' : ''}</p>
        </form>
      )}
    </>
  );
}
