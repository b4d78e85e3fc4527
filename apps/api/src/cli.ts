import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { ConfigError, DataDirectoryLockedError, DomainError, loadConfig } from '@mutuals/core';
import { IdentityService, ROLES, type Role } from '@mutuals/identity';
import { AppModule } from './app.module';
import { DemoSeeder } from './seed/demo-seeder';
import { DEMO_COORDINATORS, DEMO_MENTEE_EMAIL, DEMO_MENTOR_EMAIL, DEMO_PASSWORD } from './seed/demo-data';
import { CLI_COMMANDS, CliCommand } from './cli/commands';

const USAGE = `Usage: npm run cli -- <command> [options]

  create-user --email E --password P --name N [--role member|coordinator|admin]
      Makes an active account of any role.
  seed-demo
      Loads the demo organisations, members and content into an empty database.
${CLI_COMMANDS.map((c) => `  ${c.usage}\n      ${c.description}`).join('\n')}
`;

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  const config = { ...loadConfig(process.env), seedDemo: false, logLevel: 'warn' as const };
  const extra = CLI_COMMANDS.find((c) => c.name === command);
  if (!extra && command !== 'create-user' && command !== 'seed-demo') {
    console.error(`Unknown command ${command}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    if (command === 'create-user') await createUser(app.get(IdentityService), rest);
    else if (command === 'seed-demo') await seedDemo(app.get(DemoSeeder));
    else await (extra as CliCommand).run(app, rest);
  } finally {
    await app.close();
  }
}

async function createUser(identity: IdentityService, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'member' } },
  });
  const { email, password, name, role } = values;
  if (!email || !password || !name) throw new Error('create-user needs --email, --password and --name');
  if (!ROLES.includes(role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (password.length < 10) throw new Error('--password must be at least 10 characters');
  const user = await identity.createUser({ email, password, displayName: name, role: role as Role, status: 'active' });
  console.log(`Created ${user.role} ${user.email} (@${user.handle}, id ${user.id})`);
}

async function seedDemo(seeder: DemoSeeder): Promise<void> {
  const outcome = await seeder.load();
  if (outcome === 'already-loaded') {
    console.log('The demo data is already loaded.');
    return;
  }
  if (outcome === 'not-empty') {
    console.log('The database already has accounts; seed-demo only fills an empty one.');
    return;
  }
  console.log(`\nDemo logins (password ${DEMO_PASSWORD}):\n  coordinator  ${DEMO_COORDINATORS[0]!.email}\n  mentee       ${DEMO_MENTEE_EMAIL}\n  mentor       ${DEMO_MENTOR_EMAIL}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirectoryLockedError || error instanceof DomainError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
});
