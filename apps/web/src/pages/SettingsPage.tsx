import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { WEB_ROUTES } from '@mutuals/contracts';
import { Link, useNavigate } from 'react-router-dom';
import { accountKeys, accounts, EXPORT_URL, settingsQuery } from '../api/accounts';
import { errorMessage } from '../api/client';
import { useSession } from '../api/session';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  FormError,
  PageTitle,
  Spinner,
  TextField,
  fieldId,
  useForm,
  type FieldErrors,
} from '../components';
import { ApiTokensSection } from './ApiTokensSection';
import { PASSWORD_HINT, passwordProblem } from './passwords';

/** More settings pages, each a link in the "More settings" card. */
export interface SettingsLink {
  to: string;
  label: string;
  description: string;
}
export const settingsLinks: SettingsLink[] = [
  { to: WEB_ROUTES.notificationSettings, label: 'Notifications', description: 'what reaches you by email, in the app or in your digest' },
];

const required = (value: string, message: string): FieldErrors => (value ? {} : { password: message });

/** /settings: the member's email, password, data and account. */
export function SettingsPage() {
  const settings = useQuery(settingsQuery);
  return (
    <>
      <PageTitle title="Account settings" />
      {settings.isPending ? (
        <Spinner />
      ) : settings.isError ? (
        <Alert tone="danger" role="alert">
          <p>{errorMessage(settings.error)}</p>
        </Alert>
      ) : (
        <div className="stack">
          <EmailSection email={settings.data.email} verified={settings.data.emailVerified} />
          <PasswordSection />
          <ApiTokensSection />
          {settingsLinks.length > 0 && (
            <Card title="More settings">
              <ul>
                {settingsLinks.map((link) => (
                  <li key={link.to}>
                    <Link to={link.to}>{link.label}</Link>: {link.description}
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <Card title="Download my data">
            <p>
              Everything Mutuals Network holds about you (your account, profile, posts, messages, mentoring records and notifications) as
              one JSON file.
            </p>
            <p>
              <a className="btn btn-secondary" href={EXPORT_URL} download>
                Download my data
              </a>
            </p>
          </Card>
          <DeleteSection />
        </div>
      )}
    </>
  );
}

function EmailSection({ email, verified }: { email: string; verified: boolean }) {
  const form = useForm(
    { newEmail: '', password: '' },
    {
      validate: (v) => ({
        ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.newEmail.trim()) ? {} : { newEmail: 'Enter an email address like name@example.org' }),
        ...required(v.password, 'Enter your password'),
      }),
    },
  );
  const change = useMutation({ mutationFn: accounts.changeEmail });
  const submit = form.handleSubmit(async (values) => {
    await change.mutateAsync({ newEmail: values.newEmail.trim(), password: values.password });
    form.reset({ newEmail: '', password: '' });
  });
  return (
    <Card title="Email address">
      <p>
        Your account uses <strong>{email}</strong>{' '}
        {verified ? <Badge tone="success">Confirmed</Badge> : <Badge tone="warning">Not confirmed</Badge>}
      </p>
      {!verified && (
        <p>
          <Link to="/verify-email">Confirm your email address</Link>
        </p>
      )}
      {change.isSuccess && (
        <Alert tone="success">
          <p>
            We have sent a link to {change.variables.newEmail}. Your address changes when you open it; until then, keep using {email}.
          </p>
        </Alert>
      )}
      <form className="form" noValidate onSubmit={submit} aria-label="Change email address">
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} idPrefix="change-email" />
        <TextField
          id={fieldId('newEmail', 'change-email')}
          label="New email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          {...form.text('newEmail')}
        />
        <TextField
          id={fieldId('password', 'change-email')}
          label="Your password"
          type="password"
          autoComplete="current-password"
          {...form.text('password')}
        />
        <div className="actions">
          <Button type="submit" busy={form.submitting}>
            Change email address
          </Button>
        </div>
      </form>
    </Card>
  );
}

function PasswordSection() {
  const client = useQueryClient();
  const form = useForm(
    { currentPassword: '', newPassword: '' },
    {
      validate: (v) => {
        const problem = passwordProblem(v.newPassword);
        return {
          ...(v.currentPassword ? {} : { currentPassword: 'Enter your current password' }),
          ...(problem && { newPassword: problem }),
        };
      },
    },
  );
  const change = useMutation({
    mutationFn: accounts.changePassword,
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.settings }),
  });
  const submit = form.handleSubmit(async (values) => {
    await change.mutateAsync(values);
    form.reset({ currentPassword: '', newPassword: '' });
  });
  return (
    <Card title="Password">
      {change.isSuccess && (
        <Alert tone="success">
          <p>Your password is changed. Any other device signed in to your account has been signed out.</p>
        </Alert>
      )}
      <form className="form" noValidate onSubmit={submit} aria-label="Change password">
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
        <TextField label="Current password" type="password" autoComplete="current-password" {...form.text('currentPassword')} />
        <TextField label="New password" type="password" autoComplete="new-password" hint={PASSWORD_HINT} {...form.text('newPassword')} />
        <div className="actions">
          <Button type="submit" busy={form.submitting}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}

function DeleteSection() {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [erase, setErase] = useState(false);
  const form = useForm({ password: '' }, { validate: (v) => required(v.password, 'Enter your password to delete your account') });
  const submit = form.handleSubmit(async ({ password }) => {
    await accounts.deleteAccount({ password, erase });
    await refresh();
    navigate('/', { replace: true });
  });
  return (
    <Card title="Delete my account">
      <p>
        Your profile, messages and notifications are removed for good. Your mentoring records stay in the programme&apos;s figures without
        your name. Your forum posts stay, shown as written by a former member, unless you ask for them to be erased too.
      </p>
      <form className="form" noValidate onSubmit={submit} aria-label="Delete my account">
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} idPrefix="delete-account" />
        <Checkbox label="Erase my forum posts too" checked={erase} onChange={(e) => setErase(e.target.checked)} name="erase" />
        <TextField
          id={fieldId('password', 'delete-account')}
          label="Your password"
          type="password"
          autoComplete="current-password"
          {...form.text('password')}
        />
        <div className="actions">
          <Button type="submit" variant="danger" busy={form.submitting}>
            Delete my account
          </Button>
        </div>
      </form>
    </Card>
  );
}
