// Glossary pages against the built site: /terms/ in pinyin order, every concordance line holding
// its term and linking to a paragraph that exists, term links in report text with the definition
// on hover and focus, the downloads. Counts and places are read from dist/data/terms.json and
// reports.json, so they hold for any corpus. Run a build first (DIST_DIR to test another folder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, openPage, useSite } from './harness.ts';

interface ExportedTerm {
  term: string;
  url: string;
  kept: boolean;
  definition: string | null;
  synonyms: string[];
  jurisdictions: Array<{ id: string; occurrences: number }>;
  occurrences: Array<{ report: string; jurisdiction: string; paragraph: string | null; section: string; text: string; url: string }>;
}
interface ExportedSection {
  id: string;
  paragraphs: Array<{ id: string }>;
  sections: ExportedSection[];
}

const terms: ExportedTerm[] = JSON.parse(readFileSync(path.join(DIST, 'data', 'terms.json'), 'utf8'));
const reports: Array<{ slug: string; jurisdiction: { id: string }; preamble: Array<{ id: string }>; sections: ExportedSection[] }> = JSON.parse(
  readFileSync(path.join(DIST, 'data', 'reports.json'), 'utf8'),
);
/** Every anchor a concordance line may point to, per report: paragraph and section ids. */
const anchors = new Map(
  reports.map((r) => {
    const ids = new Set<string>(r.preamble.map((p) => p.id));
    const visit = (s: ExportedSection) => {
      ids.add(s.id);
      s.paragraphs.forEach((p) => ids.add(p.id));
      s.sections.forEach(visit);
    };
    r.sections.forEach(visit);
    return [r.slug, ids];
  }),
);
const pinyin = new Intl.Collator('zh-u-co-pinyin');
/** The jurisdictions with reports, each once. */
const jurisdictionIds = [...new Set(reports.map((r) => r.jurisdiction.id))];
/** The kept term used in the most places (放管服 in the founding five): the examples below. */
const widest = terms.filter((t) => t.kept).sort((a, b) => b.jurisdictions.length - a.jurisdictions.length)[0];
/** A kept term used in some places but not all, if any (四种形态 in the founding five). */
const partial = terms.filter((t) => t.kept && t.jurisdictions.length > 0 && t.jurisdictions.length < jurisdictionIds.length).sort((a, b) => b.occurrences.length - a.occurrences.length)[0];

const site = useSite();

test('/terms/ lists the terms in pinyin order with the number of jurisdictions, and filters by domain', async () => {
  const { page, errors, status, close } = await openPage(site.browser, `${site.server.url}/terms/`);
  try {
    assert.equal(status, 200);
    for (const list of ['#kept-list', '#other-list']) {
      const labels = await page.locator(`${list} > li`).evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.term ?? ''));
      assert.ok(labels.length > 0, `${list} is empty`);
      assert.deepEqual(labels, [...labels].sort((a, b) => pinyin.compare(a, b)), `${list} is not in pinyin order`);
    }
    const kept = await page.locator('#kept-list > li:not(.term-xref) .term-label').allTextContents();
    assert.deepEqual(new Set(kept), new Set(terms.filter((t) => t.kept).map((t) => t.term)));
    // Each row says in how many places the term is used, as terms.json counts them (放管服: 5 地 in the founding five).
    const counts = await page.locator('#kept-list > li:not(.term-xref)').evaluateAll((lis) => lis.map((li) => [(li as HTMLElement).dataset.term, /(\d+) 地/.exec(li.textContent ?? '')?.[1]]));
    for (const [term, n] of counts) assert.equal(Number(n), terms.find((t) => t.term === term)?.jurisdictions.length, `${term}: ${n} 地`);
    // The synonym is listed and points to its term.
    assert.equal(await page.locator('#kept-list > li[data-term="简政放权"] a').getAttribute('href'), '/terms/%E6%94%BE%E7%AE%A1%E6%9C%8D/');
    // Filtering by a domain leaves only that domain's rows.
    await page.selectOption('#term-domain', 'discipline');
    const visible = await page.locator('#kept-list > li:visible').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.domain));
    assert.ok(visible.length > 0 && visible.every((d) => d === 'discipline'), `visible rows: ${visible.join(',')}`);
    assert.ok(await page.locator('#kept-list > li[data-term="四种形态"]').isVisible());
    // Without the script, the grouped lists still reach every domain's terms.
    assert.ok((await page.locator('#by-domain details').count()) > 10);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('every concordance line holds its term and links to a paragraph or heading that exists', async () => {
  const withPages = terms.filter((t) => t.occurrences.length > 0);
  assert.ok(withPages.length > 0);
  for (const t of withPages) {
    const forms = [t.term, ...t.synonyms];
    for (const o of t.occurrences) {
      assert.ok(forms.includes(o.text), `${t.term}: occurrence reads ${o.text}`);
      const [, slug, anchor] = o.url.match(/^\/reports\/([^/]+)\/#(.+)$/) ?? [];
      assert.ok(anchors.get(slug)?.has(anchor), `${t.term}: ${o.url} points nowhere`);
    }
  }
  // The rendered pages of the kept terms: lines on the page, not only in the data.
  for (const t of terms.filter((x) => x.kept)) {
    const { page, errors, status, close } = await openPage(site.browser, `${site.server.url}${t.url}`);
    try {
      assert.equal(status, 200, t.url);
      const lines = await page.locator('.kwic-line').evaluateAll((as) =>
        as.map((a) => ({ text: a.textContent ?? '', term: a.querySelector('.kwic-term')?.textContent ?? '', href: a.getAttribute('href') ?? '' })),
      );
      assert.equal(lines.length, t.occurrences.length, `${t.term}: one line per occurrence`);
      for (const line of lines) {
        assert.ok([t.term, ...t.synonyms].includes(line.term), `${t.term}: line centres ${line.term}`);
        assert.ok(line.text.includes(line.term));
        const [, slug, anchor] = line.href.match(/^\/reports\/([^/]+)\/#(.+)$/) ?? [];
        assert.ok(anchors.get(slug)?.has(anchor), `${t.term}: ${line.href} points nowhere`);
      }
      assert.deepEqual(errors, [], t.url);
    } finally {
      await close();
    }
  }
});

test('a concordance link lands on the paragraph that holds the term', async () => {
  const t = partial ?? widest;
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}${t.url}`);
  try {
    const first = page.locator('.kwic-line').first();
    const href = (await first.getAttribute('href'))!;
    await first.click();
    await page.waitForURL(`**${href}`);
    const target = page.locator(`[id="${href.split('#')[1]}"]`);
    const held = (await target.textContent()) ?? '';
    assert.ok([t.term, ...t.synonyms].some((f) => held.includes(f)), `the target holds ${t.term}`);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('the 放管服 page: definition with its source, synonyms in the indexed text, related terms as links, a chart row per jurisdiction', async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/terms/%E6%94%BE%E7%AE%A1%E6%9C%8D/`);
  try {
    const body = page.locator('[data-pagefind-body]');
    assert.equal(await body.count(), 1);
    const text = (await body.textContent()) ?? '';
    for (const s of ['简政放权', '放管结合', '优化服务']) assert.ok(text.includes(s), `synonym ${s} is in the indexed text`);
    assert.match(await page.locator('.term-source').textContent() ?? '', /出处:.*《.+》/);
    assert.equal(await page.locator('.term-rel a[href="/terms/%E6%9D%83%E8%B4%A3%E6%B8%85%E5%8D%95/"]').count(), 1);
    assert.equal(await page.locator('[data-pagefind-filter="type"]').textContent(), '术语');
    const rows = await page.locator('.term-chart-row').evaluateAll((lis) => lis.map((li) => [(li as HTMLElement).dataset.jurisdiction!, li.textContent ?? '']));
    const uses = terms.find((t) => t.term === '放管服')!.jurisdictions;
    assert.deepEqual(rows.map(([id]) => id).sort(), [...jurisdictionIds].sort(), 'a row per jurisdiction with reports');
    for (const [id, text] of rows) {
      const n = uses.find((u) => u.id === id)?.occurrences ?? 0;
      assert.ok(n > 0 ? text.includes(`${n} 次`) : text.includes('未提及'), `${id}: ${text}`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a term used in only some places shows 未提及 for the others', { skip: !partial && 'every kept term is used everywhere or nowhere' }, async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}${partial!.url}`);
  try {
    const rows = await page.locator('.term-chart-row').evaluateAll((lis) => lis.map((li) => [(li as HTMLElement).dataset.jurisdiction, li.textContent ?? '']));
    const used = rows.filter(([, text]) => /\d+ 次/.test(text!)).map(([id]) => id);
    assert.deepEqual(used.sort(), partial!.jurisdictions.map((j) => j.id).sort());
    assert.equal(rows.filter(([, text]) => text!.includes('未提及')).length, jurisdictionIds.length - partial!.jurisdictions.length);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('report text: the first occurrence of a glossary term in a section links to its page, with the definition on hover and focus', async () => {
  // The report with the most term links.
  const slug = reports.map((r) => [r.slug, terms.filter((t) => t.kept).reduce((n, t) => n + t.occurrences.filter((o) => o.report === r.slug).length, 0)] as const).sort((a, b) => b[1] - a[1])[0][0];
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/reports/${slug}/`);
  try {
    const link = page.locator('a.mark-term').first();
    const href = (await link.getAttribute('href'))!;
    const term = terms.find((t) => t.kept && t.url === href)!;
    assert.ok(term, `${href} is the page of a kept term`);
    const definition = term.definition!;
    assert.equal(await link.getAttribute('title'), definition);
    // One link per term per section.
    const perSection = await page.locator('.report-body').evaluate((root) => {
      const seen = new Map<string, number>();
      let section = 'top';
      for (const el of root.querySelectorAll('.sec-h, a.mark-term')) {
        if (el.classList.contains('sec-h')) section = el.id;
        else {
          const key = `${section}|${el.getAttribute('href')}`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
      }
      return [...seen.values()];
    });
    assert.ok(perSection.length > 0 && perSection.every((n) => n === 1), 'each term is linked once per section');
    // Keyboard focus shows the definition (drawn by CSS from data-note).
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const shown = await link.evaluate((a) => getComputedStyle(a, '::after').content);
    assert.equal(shown, JSON.stringify(definition));
    await link.click();
    await page.waitForURL('**/terms/**');
    assert.equal(await page.locator('h1').textContent(), term.term);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('downloads: terms.csv has a byte-order mark, a header and one row per occurrence', async () => {
  const res = await fetch(`${site.server.url}/data/terms.csv`);
  assert.equal(res.status, 200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  const lines = text.trimEnd().split('\n');
  assert.match(lines[0], /^term,kept,definition,basis,synonyms,related,en,domain,/);
  const expectedRows = terms.reduce((n, t) => n + Math.max(1, t.occurrences.length), 0);
  // Quoted fields hold no line breaks (contexts are flattened), so lines are rows.
  assert.equal(lines.length - 1, expectedRows);
  // Each term's places are the jurisdictions of its occurrences, with their counts.
  for (const t of terms) {
    const places = new Map<string, number>();
    for (const o of t.occurrences) places.set(o.jurisdiction, (places.get(o.jurisdiction) ?? 0) + 1);
    assert.deepEqual(new Map(t.jurisdictions.map((j) => [j.id, j.occurrences])), places, t.term);
  }
});

test('a search for the synonym 简政放权 finds the 放管服 term page', async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/terms/`);
  try {
    const urls = await page.evaluate(async () => {
      const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      await pagefind.init();
      const found = await pagefind.search('简政放权');
      const data = await Promise.all(found.results.map((r: { data: () => Promise<{ url: string }> }) => r.data()));
      return data.map((d: { url: string }) => decodeURI(d.url));
    });
    assert.ok(urls.some((u: string) => u.startsWith('/terms/放管服/')), `results: ${urls.join(', ')}`);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
