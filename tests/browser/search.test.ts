// Search against the built site, through the real /search/ page: a Chinese term returns exactly
// the reports whose text contains it; filters narrow by the index's own values; a result lands on
// the passage with the term marked; the URL carries the search. Every expected set is computed
// from the reports' text in dist/data/reports.json, so it holds for any corpus (the sets the
// issue lists for the five founding reports are checked on their copies, in
// tests/unit/founding-search.test.ts). Run `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DIST, openPage, useSite } from './harness.ts';

interface ExportedSection {
  heading: string;
  paragraphs: Array<{ text: string }>;
  sections: ExportedSection[];
}
interface ExportedReport {
  slug: string;
  displayTitle: string;
  jurisdiction: { name: string; province: string };
  preamble: Array<{ text: string }>;
  sections: ExportedSection[];
}

const reports: ExportedReport[] = JSON.parse(readFileSync(path.join(DIST, 'data', 'reports.json'), 'utf8'));

/** Returns the report's text: title, headings and paragraphs. */
function reportText(report: ExportedReport): string {
  const parts = [report.displayTitle, ...report.preamble.map((p) => p.text)];
  const visit = (s: ExportedSection) => {
    parts.push(s.heading, ...s.paragraphs.map((p) => p.text));
    s.sections.forEach(visit);
  };
  report.sections.forEach(visit);
  return parts.join('\n');
}
const texts = new Map(reports.map((r) => [r.slug, reportText(r)]));

/** Returns the slugs of the reports whose text contains the term, sorted. */
function reportsContaining(term: string): string[] {
  return [...texts].filter(([, text]) => text.includes(term)).map(([slug]) => slug).sort();
}

/** Returns the first of the terms that some report contains, or undefined. */
const firstContained = (terms: string[]) => terms.find((t) => reportsContaining(t).length > 0);

const site = useSite();

/** Returns nothing once the search page has shown the results of its current URL. */
async function waitForResults(page: Page): Promise<void> {
  await page.waitForSelector('[data-search-results][data-state="done"]', { timeout: 15000 });
}

/** Returns the report slugs the search page lists for the URL's query, checking every link's form. */
async function resultSlugs(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('[data-search-results] .search-result-title a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  for (const href of hrefs) assert.match(href, /^\/reports\/[a-z0-9-]+\/$/, `result links to a report: ${href}`);
  const slugs = hrefs.map((h) => h.split('/')[2]);
  assert.equal(new Set(slugs).size, slugs.length, 'each report once');
  return slugs.sort();
}

/** Returns the report slugs found for `query` (and URL parameters), with the page's console errors checked. */
async function search(query: string, params: Record<string, string> = {}): Promise<{ slugs: string[]; notice: boolean }> {
  const url = new URL('/search/', site.server.url);
  url.searchParams.set('q', query);
  for (const [k, v] of Object.entries(params)) url.searchParams.append(k, v);
  const { page, errors, close } = await openPage(site.browser, url.href);
  try {
    await waitForResults(page);
    const slugs = await resultSlugs(page);
    const notice = await page.isVisible('[data-search-notice]');
    assert.deepEqual(errors, []);
    return { slugs, notice };
  } finally {
    await close();
  }
}

// The terms of the acceptance table: each must return exactly the reports whose text contains it.
const ACCEPTANCE = ['放管服', '河长制', '营商环境', '商事制度', '四种形态', '数字政府', '医联体', '证照分离'];

for (const term of ACCEPTANCE) {
  test(`${term} returns exactly the reports whose text contains it`, async () => {
    const expected = reportsContaining(term);
    const { slugs, notice } = await search(term);
    if (expected.length === 0) {
      assert.equal(notice, true, 'no report contains it: the loose results are announced');
      return;
    }
    assert.deepEqual(slugs, expected);
    assert.equal(notice, false, 'exact results, no fallback notice');
  });
}

// Terms from the seeds that Pagefind's quoted search misses in some report (the indexer joins a
// character of the term to its neighbour there), plus ordinary ones: each must return exactly the
// reports whose text contains it. 畅、诉求 starts inside an indexed word (顺畅), which plain queries miss.
const MORE_TERMS = ['一站式', '正能量', '绿心', '两新', '再出发', '一照一码走天下', '党建领航行动', '最多跑一次', '不动产登记', '双随机', '综合执法', '改革', '畅、诉求'];

test('other terms return exactly the reports whose text contains them', async () => {
  // Those that occur (most do in the five founding reports: tests/unit/founding-search.test.ts).
  const checked = MORE_TERMS.filter((t) => reportsContaining(t).length > 0);
  for (const term of checked) {
    const { slugs } = await search(term);
    assert.deepEqual(slugs, reportsContaining(term), term);
  }
});

test('a Latin query and a mixed query work', async () => {
  for (const term of ['PPP', 'GDP']) {
    const expected = reportsContaining(term);
    if (!expected.length) continue;
    assert.deepEqual((await search(term)).slugs, expected, term);
  }
  // Two terms separated by a space must both occur.
  const both = reportsContaining('河长制').filter((s) => reportsContaining('医联体').includes(s));
  if (both.length > 0) assert.deepEqual((await search('河长制 医联体')).slugs, both);
});

test('a term no report contains falls back to loose matching, visibly', async () => {
  // Two terms that occur, joined into one that does not (河长营商 in the founding five).
  const occurring = [...ACCEPTANCE, ...MORE_TERMS].filter((t) => t.length >= 2 && reportsContaining(t).length > 0);
  const query = occurring.flatMap((a) => occurring.map((b) => `${a.slice(0, 2)}${b.slice(0, 2)}`)).find((q) => reportsContaining(q).length === 0)!;
  assert.ok(query, 'a query no report contains');
  const { slugs, notice } = await search(query);
  assert.ok(slugs.length > 0, 'loose results shown');
  assert.equal(notice, true, 'the fallback is announced');
});

/** The term the filter tests search for, and the province they filter to: the one with the most reports containing it (广东 for 放管服 in the founding five). */
const FILTER_TERM = firstContained(ACCEPTANCE) ?? '改革';
const matching = reports.filter((r) => reportsContaining(FILTER_TERM).includes(r.slug));
const provinces = [...new Set(matching.map((r) => r.jurisdiction.province))];
const PROVINCE = provinces.sort((a, b) => matching.filter((r) => r.jurisdiction.province === b).length - matching.filter((r) => r.jurisdiction.province === a).length)[0];
const inProvince = matching.filter((r) => r.jurisdiction.province === PROVINCE).map((r) => r.slug).sort();

test(`filtering ${FILTER_TERM} to a province gives its reports that contain it, and to one jurisdiction that jurisdiction's`, async () => {
  assert.deepEqual((await search(FILTER_TERM, { province: PROVINCE })).slugs, inProvince);
  for (const name of new Set(matching.map((r) => r.jurisdiction.name))) {
    assert.deepEqual((await search(FILTER_TERM, { jurisdiction: name })).slugs, matching.filter((r) => r.jurisdiction.name === name).map((r) => r.slug).sort(), name);
  }
});

test('filters are chosen on the page and kept in the URL', async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/search/?q=${encodeURIComponent(FILTER_TERM)}`);
  try {
    await waitForResults(page);
    await page.click('[data-search-filter-box] summary');
    await page.check(`input[name="province"][value="${PROVINCE}"]`);
    await page.waitForFunction((p) => new URLSearchParams(location.search).get('province') === p, PROVINCE);
    await waitForResults(page);
    assert.deepEqual(await resultSlugs(page), inProvince);
    // The counts line names each jurisdiction with its number of reports.
    const counts = (await page.textContent('[data-search-counts]')) ?? '';
    for (const name of new Set(matching.filter((r) => r.jurisdiction.province === PROVINCE).map((r) => r.jurisdiction.name))) {
      const n = matching.filter((r) => r.jurisdiction.name === name).length;
      assert.ok(counts.includes(`${name} ${n}`), `${counts} lacks ${name} ${n}`);
    }
    // Reloading the shared address gives the same search.
    await page.reload();
    await waitForResults(page);
    assert.deepEqual(await resultSlugs(page), inProvince);
    assert.equal(await page.isChecked(`input[name="province"][value="${PROVINCE}"]`), true);
    assert.equal(await page.inputValue('#search-q'), FILTER_TERM);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a result shows its sections with the term marked, and following one lands on the passage with the term highlighted', async () => {
  const term = firstContained(['河长制', ...ACCEPTANCE])!;
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/search/?q=${encodeURIComponent(term)}`);
  try {
    await waitForResults(page);
    const status = await page.getAttribute('[data-search-status]', 'aria-live');
    assert.equal(status, 'polite');
    const marks = await page.$$eval('[data-search-results] .search-excerpt mark', (ms) => ms.map((m) => m.textContent));
    assert.ok(marks.length > 0 && marks.every((m) => m === term), 'excerpts mark the whole term');
    const subLinks = await page.$$eval('[data-search-results] .search-sub-title a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    assert.ok(subLinks.length >= 1);
    for (const href of subLinks.slice(0, 6)) {
      await page.goto(href);
      const url = new URL(href);
      assert.match(url.pathname, /^\/reports\/[a-z0-9-]+\/$/);
      if (url.hash) assert.ok(await page.$(`[id="${url.hash.slice(1)}"]`), `anchor ${url.hash} exists`);
      await page.waitForSelector('mark.search-hit');
      await page.waitForSelector('.search-landing:focus');
      const landing = await page.evaluate(() => {
        const passage = document.querySelector('.search-landing');
        const rect = passage?.getBoundingClientRect();
        return {
          text: passage?.querySelector('mark.search-hit') ? passage.textContent : null,
          focused: document.activeElement === passage,
          visible: rect ? rect.bottom > 0 && rect.top < innerHeight : false,
          hits: [...document.querySelectorAll('mark.search-hit')].map((m) => m.textContent).join(''),
        };
      });
      assert.ok(landing.text?.includes(term), `landed passage contains the marked term (${href})`);
      assert.ok(landing.focused && landing.visible, `the passage is focused and in view ${JSON.stringify(landing)} ${href}`);
      assert.ok(landing.hits.length > 0 && landing.hits.length % term.length === 0, 'hits are whole terms');
    }
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('the header search box: "/" focuses it and Enter opens the search page', async () => {
  const slug = reports[0].slug;
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/reports/${slug}/`);
  try {
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search-q');
    const term = firstContained(['医联体', ...ACCEPTANCE])!;
    await page.keyboard.type(term);
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.keyboard.press('Enter')]);
    await waitForResults(page);
    assert.deepEqual(await resultSlugs(page), reportsContaining(term));
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('on a 375 px phone the search page does not scroll sideways', async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/search/?q=${encodeURIComponent('放管服')}`, { width: 375 });
  try {
    await waitForResults(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal overflow (${overflow}px)`);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('without JavaScript the search page says so and links to the reports', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${site.server.url}/search/?q=${encodeURIComponent('放管服')}`);
    const text = await page.textContent('.search-page');
    assert.match(text ?? '', /搜索需要 JavaScript/);
    assert.ok(await page.$('.search-page a[href="/#reports"]'));
  } finally {
    await context.close();
  }
});
