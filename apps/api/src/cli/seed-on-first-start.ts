import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '@mutuals/core';
import { DemoSeeder } from '../seed/demo-seeder';

/** A fresh embedded database gets the demo world, so `npm start` shows a living platform. */
export async function seedOnFirstStart(app: INestApplicationContext, config: AppConfig): Promise<void> {
  if (!config.seedDemo) return;
  const seeder = app.get(DemoSeeder);
  if (await seeder.isSeeded()) return;
  console.log('First start: loading the demo data');
  await seeder.seed();
}
