import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DigestFrequency,
  NotificationChannel,
  NotificationPreferencesView,
  UpdateNotificationPreferencesRequest,
} from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { mailKeys, notificationPreferencesQuery } from '../../api/mail';
import { Alert, Card, PageTitle, Select, Spinner } from '../../components';

const CHANNEL_LABELS: Record<NotificationChannel, string> = {
  email: 'Email at once',
  digest: 'In the digest',
  app: 'In the app only',
  off: 'Off',
};
const DIGEST_OPTIONS: { value: DigestFrequency; label: string }[] = [
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly, on Mondays' },
  { value: 'off', label: 'Never' },
];

/** The "Notifications" section of the account settings: each choice is saved as it is made. */
export function NotificationSettingsPage() {
  const queryClient = useQueryClient();
  const preferences = useQuery(notificationPreferencesQuery());
  const save = useMutation({
    mutationFn: (change: UpdateNotificationPreferencesRequest) =>
      api.put<NotificationPreferencesView>('/me/notification-preferences', change),
    onSuccess: (view) => queryClient.setQueryData(mailKeys.preferences(), view),
  });

  return (
    <>
      <PageTitle
        title="Notifications"
        lead="Choose how each kind of news reaches you. Emails about your account, such as a password reset, always come."
      />
      {preferences.isPending && <Spinner />}
      {preferences.error && (
        <Alert tone="danger" title="Could not load your settings">
          {errorMessage(preferences.error)}
        </Alert>
      )}
      {save.error && (
        <Alert tone="danger" title="Could not save that change">
          {errorMessage(save.error)}
        </Alert>
      )}
      {preferences.data && (
        <>
          <Card title="Digest">
            <Select
              name="digest"
              label="How often to send the digest"
              hint="A summary of new posts in threads you watch, mentors who fit what you need, and anything you chose to read in the digest."
              value={preferences.data.digest}
              options={DIGEST_OPTIONS}
              onChange={(e) => save.mutate({ digest: e.target.value as DigestFrequency })}
            />
          </Card>
          <Card title="Each kind of news">
            {preferences.data.kinds.map((kind) => (
              <Select
                key={kind.kind}
                name={kind.kind}
                label={kind.label}
                hint={kind.description}
                value={kind.channel}
                options={kind.channels.map((channel) => ({
                  value: channel,
                  label: `${CHANNEL_LABELS[channel]}${channel === kind.defaultChannel ? ' (default)' : ''}`,
                }))}
                onChange={(e) => save.mutate({ kinds: [{ kind: kind.kind, channel: e.target.value as NotificationChannel }] })}
              />
            ))}
          </Card>
          <p role="status">{save.isPending ? 'Saving…' : save.isSuccess ? 'Saved.' : ''}</p>
        </>
      )}
    </>
  );
}
