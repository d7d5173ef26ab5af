// Smoke test of the built site (dist/): the home page and every report page load without
// errors and have the basic structure. Run `npm run build` first (npm test does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, openPage, useSite } from './harness.ts';

if (!existsSync(DIST)) {
  throw new Error(`${DIST} does not exist: run npm run build first`);
}

interface ReportEntry {
  slug: string;
}

function reportSlugs(): string[] {
  const file = path.join(DIST, 'data', 'reports.json');
  assert.ok(existsSync(file), `${file} is missing: the build must write dist/data/reports.json`);
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  assert.ok(Array.isArray(data), 'dist/data/reports.json must be an array');
  const slugs = (data as ReportEntry[]).map((r) => r.slug);
  for (const s of slugs) assert.ok(typeof s === 'string' && s.length > 0, 'every report needs a slug');
  return slugs;
}

const slugs = reportSlugs();

const site = useSite();

test('home page: lang zh-CN, a title, no errors', async () => {
  const { page, errors, status, close } = await openPage(site.browser, `${site.server.url}/`);
  try {
    assert.equal(status, 200);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.ok((await page.title()).trim().length > 0, 'the <title> is empty');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('dist/data/reports.json lists at least one report', () => {
  assert.ok(slugs.length > 0);
});

for (const slug of slugs) {
  test(`report page /reports/${slug}/: h1, every h2 with an id, no errors`, async () => {
    const { page, errors, status, close } = await openPage(site.browser, `${site.server.url}/reports/${slug}/`);
    try {
      assert.equal(status, 200);
      assert.ok((await page.locator('h1').count()) >= 1, 'no <h1>');
      // A report without sections has no section heading; the page's own h2s (metadata, 目录) still carry ids.
      assert.ok((await page.locator('h2').count()) >= 1, 'no <h2>');
      assert.equal(await page.locator('h2:not([id])').count(), 0, 'an <h2> without an id');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
}
