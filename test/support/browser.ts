import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { TestApp, startTestApp } from './test-app';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const WEB_ROOT = join(__dirname, '../../dist/web');

/**
 * Browser journeys need Debian's Chromium and a built client. Without them they say so and
 * skip, unless REQUIRE_BROWSER is set (CI), where a missing browser is a failure.
 */
export function browserAvailable(): boolean {
  const ready = existsSync(CHROMIUM_PATH) && existsSync(join(WEB_ROOT, 'index.html'));
  if (!ready && process.env.REQUIRE_BROWSER) {
    throw new Error(`Browser journeys are required but ${existsSync(CHROMIUM_PATH) ? 'dist/web is not built (npm run build:web)' : `${CHROMIUM_PATH} is missing (apt-get install chromium)`}`);
  }
  return ready;
}

/** `describeBrowser('...', () => ...)`: a describe block that skips, saying why, without Chromium. */
export const describeBrowser: jest.Describe = ((name: string, fn: () => void) => {
  if (browserAvailable()) return describe(name, fn);
  return describe.skip(`${name} (skipped: no Chromium at ${CHROMIUM_PATH} or no dist/web)`, fn);
}) as jest.Describe;

export interface BrowserWorld {
  t: TestApp;
  browser: Browser;
  /** A fresh browser profile: one person. */
  newPerson(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startBrowserWorld(): Promise<BrowserWorld> {
  const t = await startTestApp({ env: { WEB_ROOT } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const contexts: BrowserContext[] = [];
  // Uncaught errors in any page fail the journey when the world closes.
  const pageErrors: string[] = [];
  return {
    t,
    browser,
    async newPerson() {
      const context = await browser.newContext({ baseURL: t.url, viewport: { width: 1200, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return { context, page };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await t.close();
      if (pageErrors.length > 0) throw new Error(`uncaught errors in the browser:\n${pageErrors.join('\n')}`);
    },
  };
}
