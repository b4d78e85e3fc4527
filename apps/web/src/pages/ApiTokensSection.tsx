import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiTokenCreatedView, ApiTokenScope, ApiTokenView } from '@mutuals/contracts';
import { errorMessage } from '../api/client';
import { integrationKeys, integrations, myTokensQuery } from '../api/integrations';
import { isCoordinator, useSession } from '../api/session';
import { Alert, Badge, Button, Card, CheckboxGroup, Confirm, FormError, Select, Spinner, TextField, fieldId, useForm } from '../components';

const SCOPE_OPTIONS: { value: ApiTokenScope; label: string; hint: string }[] = [
  { value: 'read', label: 'Read', hint: 'Look things up (GET): profiles, forums, mentoring, stories' },
  { value: 'write', label: 'Write', hint: 'Make changes (POST, PATCH, PUT, DELETE) as you' },
  { value: 'admin', label: 'Coordinator tools', hint: 'The coordinator routes under /admin, read and write' },
];

const EXPIRY_OPTIONS = [
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
  { value: '', label: 'Never (until revoked)' },
];

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium' }) : null);

/** Settings: personal API tokens for scripts and other systems; each secret is shown once. */
export function ApiTokensSection() {
  const { me } = useSession();
  const client = useQueryClient();
  const tokens = useQuery(myTokensQuery);
  const [created, setCreated] = useState<ApiTokenCreatedView | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);
  const coordinator = isCoordinator(me?.user.role);
  const form = useForm(
    { name: '', expiresInDays: '90', scopes: ['read'] as string[] },
    {
      validate: (v) => ({
        ...(v.name.trim() ? {} : { name: 'Name the token after what will use it' }),
        ...(v.scopes.length > 0 ? {} : { scopes: 'Choose at least one scope' }),
      }),
    },
  );
  const revoke = useMutation({
    mutationFn: integrations.revokeToken,
    onSuccess: () => {
      setRevoking(null);
      return client.invalidateQueries({ queryKey: integrationKeys.myTokens });
    },
  });
  const submit = form.handleSubmit(async (values) => {
    const days = Number(values.expiresInDays);
    const result = await integrations.createToken({
      name: values.name.trim(),
      scopes: values.scopes as ApiTokenScope[],
      expiresAt: days > 0 ? new Date(Date.now() + days * 86_400_000).toISOString() : null,
    });
    setCreated(result);
    setCopied(null);
    form.reset({ name: '', expiresInDays: '90', scopes: ['read'] });
    await client.invalidateQueries({ queryKey: integrationKeys.myTokens });
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created!.secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <Card title="API tokens">
      <p>
        A token lets a script or another system (a spreadsheet, a CRM) use the Mutuals Network API as you, within the scopes you choose.
        Send it as <code>Authorization: Bearer</code>. Tokens cannot change your password or email, delete your account or make tokens.
      </p>
      {created && (
        <Alert tone="success" title={`Token “${created.token.name}” created`}>
          <p>Copy it now: it will not be shown again.</p>
          <TextField
            id="new-api-token"
            label="Your new token"
            name="new-api-token"
            readOnly
            value={created.secret}
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
          <div className="actions">
            <Button onClick={() => void copy()}>Copy token</Button>
            <Button variant="secondary" onClick={() => setCreated(null)}>
              I have copied it
            </Button>
          </div>
          <p aria-live="polite">
            {copied === 'yes'
              ? 'Copied to the clipboard.'
              : copied === 'failed'
                ? 'Could not copy: select the token and copy it by hand.'
                : ''}
          </p>
        </Alert>
      )}
      <form className="form" noValidate onSubmit={submit} aria-label="Create an API token">
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} idPrefix="api-token" />
        <TextField
          id={fieldId('name', 'api-token')}
          label="Token name"
          hint="What will use it, e.g. Funder spreadsheet"
          {...form.text('name')}
        />
        <CheckboxGroup
          id={fieldId('scopes', 'api-token')}
          name="scopes"
          label="Scopes"
          options={SCOPE_OPTIONS.filter((option) => option.value !== 'admin' || coordinator)}
          value={form.values.scopes}
          onChange={(scopes) => form.set('scopes', scopes)}
          error={form.errors.scopes}
        />
        <Select id={fieldId('expiresInDays', 'api-token')} label="Expires" options={EXPIRY_OPTIONS} {...form.text('expiresInDays')} />
        <div className="actions">
          <Button type="submit" busy={form.submitting}>
            Create token
          </Button>
        </div>
      </form>
      <h3 className="section-heading">Your tokens</h3>
      {tokens.isPending ? (
        <Spinner />
      ) : tokens.isError ? (
        <Alert tone="danger" role="alert">
          <p>{errorMessage(tokens.error)}</p>
        </Alert>
      ) : tokens.data.length === 0 ? (
        <p>You have no API tokens.</p>
      ) : (
        <ul className="token-list">
          {tokens.data.map((token) => (
            <li key={token.id}>
              <p>
                <strong>{token.name}</strong> <code>{token.prefix}…</code>{' '}
                {token.scopes.map((scope) => (
                  <Badge key={scope}>{scope}</Badge>
                ))}{' '}
                {token.revokedAt && <Badge tone="danger">Revoked</Badge>}
              </p>
              <p className="muted">
                Created {day(token.createdAt)} · {token.expiresAt ? `expires ${day(token.expiresAt)}` : 'no expiry'} ·{' '}
                {token.lastUsedAt ? `last used ${day(token.lastUsedAt)}` : 'never used'}
              </p>
              {!token.revokedAt &&
                (revoking?.id === token.id ? (
                  <Confirm
                    title={`Revoke “${token.name}”?`}
                    confirmLabel="Revoke token"
                    variant="danger"
                    busy={revoke.isPending}
                    onConfirm={() => revoke.mutate(token.id)}
                    onCancel={() => setRevoking(null)}
                  >
                    <p>Anything using it stops working at once.</p>
                  </Confirm>
                ) : (
                  <Button variant="secondary" onClick={() => setRevoking(token)} aria-label={`Revoke ${token.name}`}>
                    Revoke
                  </Button>
                ))}
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
