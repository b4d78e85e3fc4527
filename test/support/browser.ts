import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { signInWithCookies } from './factories';
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
    throw new Error(
      `Browser journeys are required but ${existsSync(CHROMIUM_PATH) ? 'dist/web is not built (npm run build:web)' : `${CHROMIUM_PATH} is missing (apt-get install chromium)`}`,
    );
  }
  return ready;
}

/** `describeBrowser('...', () => ...)`: a describe block that skips, saying why, without Chromium. */
export const describeBrowser: jest.Describe = ((name: string, fn: () => void) => {
  if (browserAvailable()) return describe(name, fn);
  return describe.skip(`${name} (skipped: no Chromium at ${CHROMIUM_PATH} or no dist/web)`, fn);
}) as jest.Describe;

/** axe impacts that fail a journey. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);
/** How long a page must stay put before axe looks at it (client navigation, data arriving). */
const SETTLE_MS = 700;

let axeSource: string | null = null;
/** axe runs one at a time in a page: the automatic checks and a journey's own ones wait in line. */
const axeQueues = new WeakMap<Page, Promise<unknown>>();

/**
 * Runs axe-core in the page (injected through the devtools protocol, so the app's CSP does not
 * apply) and returns its serious and critical violations, one line each.
 */
export function accessibilityViolations(page: Page): Promise<string[]> {
  const run = (axeQueues.get(page) ?? Promise.resolve()).catch(() => undefined).then(() => runAxe(page));
  axeQueues.set(page, run);
  return run;
}

async function runAxe(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Loading states come and go; the page as it settles is what a person meets.
  await page
    .locator('.spinner-block')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  // label-content-name-mismatch is an experimental rule, off by default: a link whose accessible
  // name does not start with its visible text is what speech-control users cannot say.
  type Axe = { run: (context: unknown, options: unknown) => Promise<AxeResults> };
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: Axe }).axe.run((globalThis as unknown as { document: unknown }).document, {
      rules: { 'label-content-name-mismatch': { enabled: true } },
    }),
  );
  const path = new URL(page.url()).pathname;
  return results.violations
    .filter((v) => FAILING_IMPACTS.has(v.impact ?? ''))
    .map((v) => `${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Fails the test at once when the page as it is now has a serious or critical axe violation. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

export interface PersonOptions {
  /** Viewport width in CSS pixels (360 for a phone); default 1200. */
  width?: number;
  height?: number;
}

export interface BrowserWorld {
  t: TestApp;
  browser: Browser;
  /**
   * A fresh browser profile: one person. axe checks every page the person visits (after each
   * navigation, client-side ones too, once the page has settled); serious or critical violations
   * fail the journey when the world closes.
   */
  newPerson(options?: PersonOptions): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Checks each page a person visits with axe, recording what fails. */
function watchAccessibility(page: Page, violations: Set<string>, checks: Set<Promise<void>>): void {
  let timer: NodeJS.Timeout | null = null;
  const check = () => {
    if (page.isClosed()) return;
    const done = accessibilityViolations(page).then(
      (lines) => lines.forEach((line) => violations.add(line)),
      // The page moved on mid-check (a navigation destroyed the context): the next page is checked in turn.
      () => undefined,
    );
    checks.add(done);
    void done.finally(() => checks.delete(done));
  };
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(check, SETTLE_MS);
  });
  page.on('close', () => timer && clearTimeout(timer));
}

/** `env` adds to the server's environment, e.g. SMTP_URL for a journey that reads its mail. */
export async function startBrowserWorld(options: { env?: Record<string, string> } = {}): Promise<BrowserWorld> {
  const t = await startTestApp({ env: { WEB_ROOT, ...options.env } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const contexts: BrowserContext[] = [];
  // Uncaught errors and accessibility violations in any page fail the journey when the world closes.
  const pageErrors: string[] = [];
  const violations = new Set<string>();
  const checks = new Set<Promise<void>>();
  return {
    t,
    browser,
    async newPerson({ width = 1200, height = width < 600 ? 740 : 900 }: PersonOptions = {}) {
      const context = await browser.newContext({
        baseURL: t.url,
        viewport: { width, height },
        isMobile: width < 600,
        hasTouch: width < 600,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      watchAccessibility(page, violations, checks);
      return { context, page };
    },
    async close() {
      await Promise.all([...checks]);
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await t.close();
      const problems = [
        ...(pageErrors.length > 0 ? [`uncaught errors in the browser:\n${pageErrors.join('\n')}`] : []),
        ...(violations.size > 0 ? [`serious or critical accessibility violations (axe):\n${[...violations].join('\n')}`] : []),
      ];
      if (problems.length > 0) throw new Error(problems.join('\n\n'));
    },
  };
}

/** Signs a browser context in as a member (their session cookies, as the sign-in page would set them). */
export async function signInAs(world: BrowserWorld, context: BrowserContext, who: string | { email: string }): Promise<void> {
  const session = await signInWithCookies(world.t, typeof who === 'string' ? who : who.email);
  await context.addCookies(
    session.cookie.split('; ').map((pair) => {
      const [name, value] = pair.split('=');
      return { name: name!, value: value!, url: world.t.url };
    }),
  );
}
