import 'reflect-metadata';
import { ConfigError, DataDirectoryLockedError, loadConfig } from '@mutuals/core';
import { createApp } from './bootstrap';
import { seedOnFirstStart } from './cli/seed-on-first-start';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  await app.init();
  await seedOnFirstStart(app, config);
  await app.listen({ port: config.port, host: config.host });
  // Graceful: stop taking connections, let requests finish, close the pool and the embedded database.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(`${signal}: shutting down`);
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
  console.log(`Mutuals Network is ready at http://localhost:${config.port}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirectoryLockedError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
