// Comparison by reform domain against the built site: the matrix, a domain page with one column
// per jurisdiction, passage links that land on existing anchors, the URL-kept choice of
// jurisdictions, jurisdiction pages and the data downloads. The expected columns, counts and
// jurisdictions are read from the built data (reports.json, passages.json), so they hold for any corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, data, openPage, storedRecord, useSite } from './harness.ts';

const site = useSite();

const passages: Array<{ report: string; jurisdiction: string; paragraph_id: string; url: string; domains: string[]; evidence: Array<{ domain: string; via: string; evidence: string[] }>; text: string }> = JSON.parse(
  readFileSync(path.join(DIST, 'data', 'passages.json'), 'utf8'),
);

const reports: Array<{ slug: string; jurisdiction: { id: string; name: string; parent: string | null }; kind: { id: string; name: string } }> = data('reports.json');
/** The jurisdictions with reports, each once, in the site's order. */
const jurisdictions = [...new Map(reports.map((r) => [r.jurisdiction.id, r.jurisdiction])).values()];
/** Returns the number of passages of a jurisdiction filed under a domain. */
const countOf = (domain: string, jurisdiction: string) => passages.filter((p) => p.jurisdiction === jurisdiction && p.domains.includes(domain)).length;

test('放管服 domain page: a column for every jurisdiction with reports, its passages as passages.json has them, each link landing on an existing anchor', async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/compare/streamlining/`);
  try {
    const columns = page.locator('.column');
    assert.deepEqual(await columns.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.jurisdiction)), jurisdictions.map((j) => j.id));
    for (const [i, j] of jurisdictions.entries()) {
      const col = columns.nth(i);
      const n = countOf('streamlining', j.id);
      assert.equal(await col.locator('.passage').count(), n, `${j.id}: passages`);
      if (n === 0) assert.equal((await col.locator('.not-mentioned').textContent())?.trim(), '未提及');
      const head = (await col.locator('.column-head').textContent()) ?? '';
      for (const r of reports.filter((x) => x.jurisdiction.id === j.id)) assert.ok(head.includes(r.kind.name), `${j.id}: the column names the kind of ${r.slug}`);
    }
    const links = await page.locator('.passage-foot a').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    assert.equal(links.length, passages.filter((p) => p.domains.includes('streamlining')).length);
    const byPage = new Map<string, string[]>();
    for (const href of links) {
      const [pathname, hash] = href.split('#');
      byPage.set(pathname, [...(byPage.get(pathname) ?? []), hash]);
    }
    for (const [pathname, hashes] of byPage) {
      const target = await openPage(site.browser, `${site.server.url}${pathname}`);
      try {
        const existing = new Set(await target.page.locator('[id]').evaluateAll((els) => els.map((e) => e.id)));
        for (const h of hashes) assert.ok(existing.has(h), `${pathname}#${h} does not exist`);
      } finally {
        await target.close();
      }
    }
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a jurisdiction with nothing in a domain shows 未提及, never 0 or an empty cell', async () => {
  const { page, close } = await openPage(site.browser, `${site.server.url}/compare/`);
  try {
    const domains: Array<{ id: string }> = data<{ domains: Array<{ id: string }> }>('domains.json').domains;
    const cells = await page.locator('.matrix td').allTextContents();
    assert.equal(cells.length, domains.length * jurisdictions.length);
    for (const c of cells) assert.ok(c.trim() === '未提及' || /^[1-9]\d*$/.test(c.trim()), `cell "${c}"`);
    // Each cell is the number of passages of that domain for that jurisdiction, linked; 未提及 where there are none.
    const rows = await page.locator('.matrix tbody tr:not(.group-row)').evaluateAll((trs) =>
      trs.map((tr) => ({ domain: tr.querySelector('th a')!.getAttribute('href')!, cells: [...tr.querySelectorAll('td')].map((td) => ({ text: td.textContent!.trim(), href: td.querySelector('a')?.getAttribute('href') ?? null })) })),
    );
    assert.equal(rows.length, domains.length);
    for (const row of rows) {
      const domain = /\/compare\/([^/]+)\//.exec(row.domain)![1];
      for (const [i, j] of jurisdictions.entries()) {
        const n = countOf(domain, j.id);
        assert.deepEqual(row.cells[i], n > 0 ? { text: String(n), href: `/compare/${domain}/#j-${j.id}` } : { text: '未提及', href: null }, `${domain} × ${j.id}`);
      }
    }
  } finally {
    await close();
  }
});

test('the choice of jurisdictions is kept in the URL; columns not chosen are hidden', async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/compare/streamlining/`);
  try {
    // Leave out every other jurisdiction (the first, the third, …), keeping at least one.
    const left = jurisdictions.filter((_, i) => i % 2 === 0 && i < jurisdictions.length - 1).map((j) => j.id);
    const kept = jurisdictions.map((j) => j.id).filter((id) => !left.includes(id)).sort();
    for (const id of left) await page.locator(`.picker input[value="${id}"]`).uncheck();
    await Promise.all([page.waitForURL(/\?/), page.locator('.picker button[type="submit"]').click()]);
    const url = new URL(page.url());
    assert.deepEqual(url.searchParams.getAll('j').sort(), kept);
    const visible = await page.locator('.column:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.jurisdiction));
    assert.deepEqual(visible.sort(), kept);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('without JavaScript every column is shown', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`${site.server.url}/compare/streamlining/?j=${jurisdictions[0].id}`);
    assert.equal(await page.locator('.column:visible').count(), jurisdictions.length);
  } finally {
    await context.close();
  }
});

test('report sections carry the domain tags of their record, linking to the domain page', async () => {
  const taxonomy = data<{ domains: Array<{ id: string; name: string }> }>('domains.json').domains;
  type StoredSection = { domains?: string[]; children: StoredSection[] };
  const sectionDomains = (s: StoredSection): string[] => s.children.flatMap((c) => [...(c.domains ?? []), ...sectionDomains(c)]);
  for (const r of reports) {
    const { page, close } = await openPage(site.browser, `${site.server.url}/reports/${r.slug}/`);
    try {
      const tags = await page.locator('.domain-tag').evaluateAll((as) => as.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));
      const expected = sectionDomains(storedRecord<{ outline: StoredSection }>(r.slug).outline).map((id) => [taxonomy.find((d) => d.id === id)?.name, `/compare/${id}/`]);
      assert.deepEqual(tags, expected, r.slug);
    } finally {
      await close();
    }
  }
});

for (const j of jurisdictions) {
  test(`jurisdiction page ${j.id}: facts, its reports, and domain coverage as passages.json counts it, linking to the comparison`, async () => {
    const { page, errors, status, close } = await openPage(site.browser, `${site.server.url}/cities/${j.id}/`);
    try {
      assert.equal(status, 200);
      assert.equal(await page.locator('h1').textContent(), j.name);
      if (j.parent) assert.ok(((await page.locator('.facts').textContent()) ?? '').includes(j.parent));
      const own = reports.filter((r) => r.jurisdiction.id === j.id).map((r) => `/reports/${r.slug}/`);
      assert.deepEqual((await page.locator('.report-card a.card-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).sort(), own.sort());
      const rows = await page.locator('.coverage tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th a')!.getAttribute('href')!, Number(tr.querySelector('.bar-n')!.textContent)]));
      const expected = [...new Set(passages.filter((p) => p.jurisdiction === j.id).flatMap((p) => p.domains))];
      assert.deepEqual(rows.map(([href]) => href).sort(), expected.map((d) => `/compare/${d}/#j-${j.id}`).sort());
      for (const [href, n] of rows) assert.equal(n, countOf(/\/compare\/([^/]+)\//.exec(href as string)![1], j.id), `${href}`);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
}

test('downloads: domains.json, passages.json and a BOM-prefixed passages.csv with the same rows', () => {
  const taxonomy = JSON.parse(readFileSync(path.join(DIST, 'data', 'domains.json'), 'utf8'));
  assert.equal(taxonomy.domains.length, 24);
  assert.ok(taxonomy.groups.length >= 7);
  const csv = readFileSync(path.join(DIST, 'data', 'passages.csv'), 'utf8');
  assert.ok(csv.startsWith('\uFEFFreport,jurisdiction,paragraph_id,url,section,role,domains,evidence,text\n'));
  // One row per paragraph of every report, glossary-box labels aside; the CSV has the same rows.
  const exported: Array<{ stats: { paragraphs: number }; preamble: Array<{ role: string }>; sections: Array<{ paragraphs: Array<{ role: string }>; sections: unknown[] }> }> = data('reports.json');
  const roles = (list: Array<{ paragraphs: Array<{ role: string }>; sections: unknown[] }>): string[] => list.flatMap((s) => [...s.paragraphs.map((p) => p.role), ...roles(s.sections as typeof list)]);
  assert.equal(passages.length, exported.reduce((n, r) => n + [...r.preamble.map((p) => p.role), ...roles(r.sections)].filter((role) => role !== 'box-label').length, 0));
  assert.equal(new Set(passages.map((p) => p.paragraph_id)).size, passages.length);
  for (const p of passages) assert.ok(csv.includes(p.paragraph_id));
  assert.equal(csv.split('\n').filter((line) => /^[a-z0-9-]+,[a-z0-9-]+,p-[0-9a-f]{6}/.test(line)).length, passages.length);
});

test('the review page lists exactly the unclassified passages', async () => {
  const { page, close } = await openPage(site.browser, `${site.server.url}/compare/unclassified/`);
  try {
    const listed = await page.locator('.passage-foot a').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
    assert.deepEqual(listed.sort(), passages.filter((p) => p.domains.length === 0).map((p) => p.paragraph_id).sort());
    // …and the records count the same.
    const records = data<Array<{ stats: { unclassified: number } }>>('reports.json');
    assert.equal(listed.length, records.reduce((n, r) => n + r.stats.unclassified, 0));
  } finally {
    await close();
  }
});
