import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '@mutuals/core';
import { ForumsModerationService } from '@mutuals/forums';
import { DemoSeeder } from '../seed/demo-seeder';

/**
 * A fresh embedded database gets the demo world, so `npm start` shows a living platform (and a
 * load a killed start left half done is redone). A real install without demo data gets the
 * default forum categories instead, so its first members have somewhere to post.
 */
export async function seedOnFirstStart(app: INestApplicationContext, config: AppConfig): Promise<void> {
  if (config.seedDemo) {
    await app.get(DemoSeeder).load();
  } else {
    await app.get(ForumsModerationService).createDefaultCategoriesIfNone();
  }
}
