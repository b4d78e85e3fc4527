import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createCoordinator, createMember, createOrganisation } from '../support/factories';
import { BrowserWorld, describeBrowser, signInAs, startBrowserWorld } from '../support/browser';

/** The rows of a chart's table: row header, then each cell. */
async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor();
  const rows = await table.locator('tbody tr').all();
  return Promise.all(rows.map(async (row) => (await row.locator('th, td').allInnerTexts()).map((text) => text.trim())));
}

/** How many bars the drawing beside a table has (recharts draws one path per bar with a value). */
const barCount = (page: Page, title: string) =>
  page
    .locator('.chart-with-table', { has: page.getByRole('heading', { name: title }) })
    .locator('.recharts-bar-rectangle path')
    .count();

// A coordinator opens the dashboard, narrows it to one sector, sees each drawing agree with its table,
// and downloads the same people as a CSV.
describeBrowser('the coordinator’s console', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('dashboard, filtered by sector, charts agreeing with their tables, and a CSV download', async () => {
    const db = world.t.app.get(DataSource);
    const coordinator = await createCoordinator(world.t);
    const housing = await createOrganisation(world.t, coordinator, {
      name: 'Northern Homes Mutual',
      sector: 'housing',
      region: 'north-west',
    });
    const health = await createOrganisation(world.t, coordinator, {
      name: 'Riverside Community Health',
      sector: 'community-health',
      region: 'london',
    });
    for (const [name, organisation] of [
      ['Aled Housing', housing],
      ['Bea Housing', housing],
      ['Cai Health', health],
    ] as const) {
      const member = await createMember(world.t, { displayName: name });
      await db.query('UPDATE profiles SET organisation_id = $2 WHERE user_id = $1', [member.id, organisation.id]);
    }

    const { context, page } = await world.newPerson();
    await signInAs(world, context, coordinator);
    await page.goto('/admin');
    await page.getByRole('heading', { name: 'Programme dashboard', level: 1 }).waitFor();

    const bySector = 'Members and organisations by sector';
    expect(await tableRows(page, bySector)).toEqual([
      ['Community health', '1', '1'],
      ['Housing', '2', '1'],
    ]);
    // Two series (members, organisations), every value above zero: four bars.
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await barCount(page, bySector)).toBe(4);

    await page.getByLabel('Sector').selectOption('housing');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/[?&]sector=housing/);
    // The earlier answer stays on screen while the filtered one loads: wait until the second sector's row is gone.
    await page.getByRole('table', { name: bySector }).locator('tbody tr').nth(1).waitFor({ state: 'detached' });
    expect(await tableRows(page, bySector)).toEqual([['Housing', '2', '1']]);
    expect(await barCount(page, bySector)).toBe(2);
    expect(await tableRows(page, 'Mentoring funnel')).toContainEqual(['Registered', '2']);
    await page.screenshot({ path: 'test/.artifacts/programme-dashboard.png', fullPage: true });

    // The reports page keeps the filter; the members CSV holds the two people the dashboard counts.
    await page.getByRole('link', { name: 'Reports and downloads' }).click();
    await page.waitForURL(/\/admin\/reports\?.*sector=housing/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Members (CSV)' }).click()]);
    const rows = parse(await readFile((await download.path())!, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.name, row.sector]).sort()).toEqual([
      ['Aled Housing', 'housing'],
      ['Bea Housing', 'housing'],
    ]);

    // The quarterly report for the funder: a page with its print button.
    await page.getByRole('link', { name: 'Open the quarterly report' }).click();
    await page.getByRole('heading', { name: /^Quarterly report: / }).waitFor();
    await page.getByRole('button', { name: 'Print or save as PDF' }).waitFor();
    await page.getByRole('table', { name: 'Mentoring funnel' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.screenshot({ path: 'test/.artifacts/programme-quarterly-print.png', fullPage: true });
  });
});
