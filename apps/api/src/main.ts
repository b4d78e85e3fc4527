import 'reflect-metadata';
import { ConfigError, DataDirectoryLockedError, loadConfig } from '@mutuals/core';
import { createApp } from './bootstrap';
import { seedOnFirstStart } from './cli/seed-on-first-start';
import { shutDownGracefully } from './shutdown';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  await app.init();
  await seedOnFirstStart(app, config);
  await app.listen({ port: config.port, host: config.host });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(`${signal}: shutting down (at most ${config.shutdownGraceMs} ms)`);
      setTimeout(() => {
        console.error(`shutdown not finished after SHUTDOWN_GRACE_MS=${config.shutdownGraceMs}: exiting anyway`);
        process.exit(1);
      }, config.shutdownGraceMs).unref();
      shutDownGracefully(app, config).then(
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
