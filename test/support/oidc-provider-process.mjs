// A real OpenID provider (the `oidc-provider` package, ESM-only, hence a process of its own) on a
// loopback port, for the sign-in tests. Reads one JSON line of settings on argv:
//   { clientId, clientSecret, redirectUri, accounts: { <sub>: { email, email_verified, name } } }
// Prints {"issuer": ...} when ready; exits when its parent closes stdin. Its login step signs in
// whichever account was last chosen with GET /_test/sign-in-as/<sub>, with no form to fill.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const settings = JSON.parse(process.argv[2]);
let nextAccount = null;

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      redirect_uris: [settings.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  cookies: { keys: ['a test key, not a secret'] },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, sub) => (settings.accounts[sub] ? { accountId: sub, claims: () => ({ sub, ...settings.accounts[sub] }) } : undefined),
});
const handle = provider.callback();

server.on('request', async (req, res) => {
  try {
    const chosen = /^\/_test\/sign-in-as\/([\w-]+)$/.exec(req.url);
    if (chosen) {
      nextAccount = chosen[1];
      res.writeHead(204).end();
      return;
    }
    if (!req.url.startsWith('/interaction/')) return handle(req, res);
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(req, res, { login: { accountId: nextAccount } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    grant.addOIDCScope('openid email profile');
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  } catch (error) {
    console.error(error);
    res.writeHead(500).end();
  }
});

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
const stop = () => server.close(() => process.exit(0));
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
