import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { WebhookCreatedView, WebhookDeliveryStatus, WebhookView } from '@mutuals/contracts';
import { errorMessage } from '../../api/client';
import { allTokensQuery, deliveriesQuery, integrationKeys, integrations, webhookEventsQuery, webhooksQuery } from '../../api/integrations';
import { pageItems } from '../../api/queryClient';
import {
  Alert,
  Badge,
  Button,
  Card,
  CheckboxGroup,
  Confirm,
  EmptyState,
  FormError,
  LoadMore,
  PageTitle,
  Spinner,
  TextField,
  fieldId,
  useForm,
  type Tone,
} from '../../components';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '');
const STATUS_TONE: Record<WebhookDeliveryStatus, Tone> = {
  pending: 'neutral',
  sending: 'info',
  retrying: 'warning',
  succeeded: 'success',
  failed: 'danger',
};

/** /admin/integrations: coordinators' webhooks with their delivery logs, and every member's API tokens. */
export function AdminIntegrationsPage() {
  return (
    <>
      <PageTitle
        title="Integrations"
        lead="Webhooks tell other systems (a CRM, the funder's spreadsheet) when things happen here; API tokens let them ask."
      />
      <div className="stack">
        <WebhooksSection />
        <AllTokensSection />
      </div>
    </>
  );
}

function WebhooksSection() {
  const client = useQueryClient();
  const hooks = useQuery(webhooksQuery);
  const events = useQuery(webhookEventsQuery);
  const [created, setCreated] = useState<WebhookCreatedView | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const form = useForm(
    { url: '', description: '', events: [] as string[] },
    {
      validate: (v) => ({
        ...(/^https?:\/\/\S+$/.test(v.url.trim()) ? {} : { url: 'Enter the receiver’s https:// address' }),
        ...(v.events.length > 0 ? {} : { events: 'Choose at least one event' }),
      }),
    },
  );
  const refresh = () => client.invalidateQueries({ queryKey: integrationKeys.webhooks });
  const toggle = useMutation({
    mutationFn: (hook: WebhookView) => integrations.updateWebhook(hook.id, { enabled: !hook.enabled }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: integrations.deleteWebhook,
    onSuccess: () => {
      setDeletingId(null);
      return refresh();
    },
  });
  const submit = form.handleSubmit(async (values) => {
    setCreated(
      await integrations.createWebhook({
        url: values.url.trim(),
        events: values.events,
        description: values.description.trim() || undefined,
      }),
    );
    form.reset({ url: '', description: '', events: [] });
    await refresh();
  });

  return (
    <Card title="Webhooks">
      <p>
        Each event is POSTed as JSON to the address, signed with the hook’s secret (<code>Mutuals-Signature: t=…,v1=…</code>, an HMAC-SHA256
        of <code>timestamp.body</code>). Failed deliveries are retried with growing delays; a hook that keeps failing is switched off and
        you are told.
      </p>
      {created && (
        <Alert tone="success" title="Webhook created">
          <p>Give this signing secret to the receiver now: it will not be shown again.</p>
          <TextField
            id="new-webhook-secret"
            name="new-webhook-secret"
            label="Signing secret"
            readOnly
            value={created.secret}
            spellCheck={false}
          />
          <div className="actions">
            <Button variant="secondary" onClick={() => setCreated(null)}>
              I have saved it
            </Button>
          </div>
        </Alert>
      )}
      <form className="form" noValidate onSubmit={submit} aria-label="Add a webhook">
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} idPrefix="webhook" />
        <TextField id={fieldId('url', 'webhook')} label="Receiver URL" type="url" spellCheck={false} {...form.text('url')} />
        <TextField id={fieldId('description', 'webhook')} label="Description" optional hint="e.g. CRM sync" {...form.text('description')} />
        <CheckboxGroup
          id={fieldId('events', 'webhook')}
          name="events"
          label="Events"
          options={(events.data ?? []).map((event) => ({ value: event.name, label: event.name, hint: event.description }))}
          value={form.values.events}
          onChange={(chosen) => form.set('events', chosen)}
          error={form.errors.events}
        />
        <div className="actions">
          <Button type="submit" busy={form.submitting}>
            Add webhook
          </Button>
        </div>
      </form>
      <h3 className="section-heading">Hooks</h3>
      {hooks.isPending ? (
        <Spinner />
      ) : hooks.isError ? (
        <Alert tone="danger" role="alert">
          <p>{errorMessage(hooks.error)}</p>
        </Alert>
      ) : hooks.data.length === 0 ? (
        <p>No webhooks yet.</p>
      ) : (
        <ul className="token-list">
          {hooks.data.map((hook) => (
            <li key={hook.id}>
              <p>
                <strong>{hook.description || hook.url}</strong>{' '}
                {hook.enabled ? <Badge tone="success">On</Badge> : <Badge tone="danger">Off</Badge>}
              </p>
              <p className="muted">
                <code>{hook.url}</code> · {hook.events.join(', ')} · secret <code>{hook.secretPrefix}…</code>
              </p>
              {hook.disabledReason && <p>Switched off: {hook.disabledReason}</p>}
              <div className="actions">
                <Button
                  variant="secondary"
                  onClick={() => setOpenId(openId === hook.id ? null : hook.id)}
                  aria-expanded={openId === hook.id}
                >
                  Deliveries
                </Button>
                <Button variant="secondary" onClick={() => toggle.mutate(hook)} disabled={toggle.isPending}>
                  {hook.enabled ? 'Switch off' : 'Switch on'}
                </Button>
                <Button variant="danger" onClick={() => setDeletingId(hook.id)} aria-label={`Delete the webhook to ${hook.url}`}>
                  Delete
                </Button>
              </div>
              {deletingId === hook.id && (
                <Confirm
                  title="Delete this webhook?"
                  confirmLabel="Delete webhook"
                  variant="danger"
                  busy={remove.isPending}
                  onConfirm={() => remove.mutate(hook.id)}
                  onCancel={() => setDeletingId(null)}
                >
                  <p>Its delivery log goes with it, and nothing more is sent to {hook.url}.</p>
                </Confirm>
              )}
              {openId === hook.id && <DeliveryLog webhookId={hook.id} />}
            </li>
          ))}
        </ul>
      )}
      {(toggle.error || remove.error) && (
        <Alert tone="danger" role="alert">
          <p>{errorMessage(toggle.error ?? remove.error)}</p>
        </Alert>
      )}
    </Card>
  );
}

function DeliveryLog({ webhookId }: { webhookId: string }) {
  const client = useQueryClient();
  const log = useInfiniteQuery(deliveriesQuery(webhookId));
  const redeliver = useMutation({
    mutationFn: (deliveryId: string) => integrations.redeliver(webhookId, deliveryId),
    onSuccess: () => client.invalidateQueries({ queryKey: integrationKeys.deliveries(webhookId) }),
  });
  const items = pageItems(log.data);
  if (log.isPending) return <Spinner />;
  if (log.isError)
    return (
      <Alert tone="danger" role="alert">
        <p>{errorMessage(log.error)}</p>
      </Alert>
    );
  return (
    <section aria-label="Delivery log">
      {items.length === 0 ? (
        <EmptyState title="No deliveries yet">Deliveries appear here when a chosen event happens.</EmptyState>
      ) : (
        <table className="table">
          <caption>Deliveries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Answer</th>
              <th scope="col">Attempts</th>
              <th scope="col">When</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((delivery) => (
              <tr key={delivery.id}>
                <td>{delivery.event}</td>
                <td>
                  <Badge tone={STATUS_TONE[delivery.status]}>{delivery.status}</Badge>
                </td>
                <td>{delivery.responseStatus ?? delivery.error ?? ''}</td>
                <td>{delivery.attempts}</td>
                <td>{when(delivery.lastAttemptAt ?? delivery.createdAt)}</td>
                <td>
                  <Button size="sm" variant="secondary" onClick={() => redeliver.mutate(delivery.id)} disabled={redeliver.isPending}>
                    Redeliver
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore query={log} />
      {redeliver.error && (
        <Alert tone="danger" role="alert">
          <p>{errorMessage(redeliver.error)}</p>
        </Alert>
      )}
    </section>
  );
}

function AllTokensSection() {
  const client = useQueryClient();
  const tokens = useQuery(allTokensQuery);
  const [revokingId, setRevokingId] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: integrations.revokeAnyToken,
    onSuccess: () => {
      setRevokingId(null);
      return client.invalidateQueries({ queryKey: integrationKeys.allTokens });
    },
  });
  return (
    <Card title="Members’ API tokens">
      {tokens.isPending ? (
        <Spinner />
      ) : tokens.isError ? (
        <Alert tone="danger" role="alert">
          <p>{errorMessage(tokens.error)}</p>
        </Alert>
      ) : tokens.data.length === 0 ? (
        <p>Nobody has a live API token.</p>
      ) : (
        <ul className="token-list">
          {tokens.data.map((token) => (
            <li key={token.id}>
              <p>
                <strong>{token.owner.displayName}</strong> (@{token.owner.handle}): {token.name} <code>{token.prefix}…</code>{' '}
                {token.scopes.map((scope) => (
                  <Badge key={scope}>{scope}</Badge>
                ))}
              </p>
              <p className="muted">
                {token.lastUsedAt ? `Last used ${when(token.lastUsedAt)}` : 'Never used'}
                {token.expiresAt ? ` · expires ${when(token.expiresAt)}` : ''}
              </p>
              {revokingId === token.id ? (
                <Confirm
                  title={`Revoke ${token.owner.displayName}’s token “${token.name}”?`}
                  confirmLabel="Revoke token"
                  variant="danger"
                  busy={revoke.isPending}
                  onConfirm={() => revoke.mutate(token.id)}
                  onCancel={() => setRevokingId(null)}
                >
                  <p>It stops working at once.</p>
                </Confirm>
              ) : (
                <Button
                  variant="secondary"
                  onClick={() => setRevokingId(token.id)}
                  aria-label={`Revoke ${token.owner.displayName}’s token ${token.name}`}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {revoke.error && (
        <Alert tone="danger" role="alert">
          <p>{errorMessage(revoke.error)}</p>
        </Alert>
      )}
    </Card>
  );
}
