// Report pages against the built site: every character of each seed body except its recorded
// chrome is on the page in order; chrome stays out of the text; sections, glossary boxes,
// citations and the source view work. Every expectation is read from the seeds and the built
// data, so these checks hold for any corpus. Run `npm run build` first (npm test does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, SITE_ROOT, openPage, seedSlugs, storedRecord, useSite } from './harness.ts';

interface ExportedReport {
  slug: string;
  displayTitle: string;
  jurisdiction: { name: string };
  chrome: Array<{ line: number; part: string; text: string }>;
  glossary: Array<{ term: string; paragraph: string }>;
  stats: { sections: number; paragraphs: number };
  sections: ExportedSection[];
  preamble: Array<{ id: string; text: string }>;
}
/** A section of a stored record (content/records/<slug>.json): only what these checks read. */
interface StoredSection {
  id: string;
  level: number;
  heading: string;
  paragraphs: Array<{ id: string; role?: string; term?: string; runIn?: [number, number] }>;
  children: StoredSection[];
}
interface ExportedSection {
  id: string;
  level: number;
  heading: string;
  paragraphs: Array<{ id: string; text: string }>;
  sections: ExportedSection[];
}

const reports: ExportedReport[] = JSON.parse(readFileSync(path.join(DIST, 'data', 'reports.json'), 'utf8'));
const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

/** Returns the lines of a seed file as numbered in the record: a byte-order mark and CR line ends aside. */
function seedLines(slug: string): string[] {
  return readFileSync(path.join(SITE_ROOT, 'seeds', `${slug}.md`), 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''));
}

/** Returns the seed body lines that are not chrome, whitespace removed, from the seed file itself. */
function expectedText(report: ExportedReport): string {
  const lines = seedLines(report.slug);
  const close = lines.indexOf('---', 1);
  const chrome = new Set(report.chrome.map((c) => c.line));
  return squash(
    lines
      .map((line, i) => ({ line, n: i + 1 }))
      .filter(({ n }) => n > close + 1 && !chrome.has(n))
      .map(({ line }) => line)
      .join(''),
  );
}

/** Returns -1 when `needle` is a subsequence of `hay`, else the index in `needle` where matching failed. */
function subsequenceFailure(needle: string, hay: string): number {
  let at = 0;
  for (let i = 0; i < needle.length; i++) {
    at = hay.indexOf(needle[i], at);
    if (at < 0) return i;
    at++;
  }
  return -1;
}

/** Returns the number of times `needle` occurs in `hay`, not overlapping. */
const occurrences = (hay: string, needle: string) => (needle ? hay.split(needle).length - 1 : 0);

/** Returns the sections of an exported tree in document order. */
function sectionsIn(list: ExportedSection[]): ExportedSection[] {
  return list.flatMap((s) => [s, ...sectionsIn(s.sections)]);
}

/** Returns the paragraphs of an exported report in document order. */
function paragraphsIn(report: ExportedReport): Array<{ id: string; text: string }> {
  return [...report.preamble, ...sectionsIn(report.sections).flatMap((s) => s.paragraphs)];
}

/** Returns the sections and paragraphs of a stored record in document order. */
function storedOutline(slug: string): { sections: StoredSection[]; paragraphs: StoredSection['paragraphs'] } {
  const root = storedRecord<{ outline: StoredSection }>(slug).outline;
  const sections: StoredSection[] = [];
  const paragraphs: StoredSection['paragraphs'] = [];
  const visit = (s: StoredSection) => {
    if (s !== root) sections.push(s);
    paragraphs.push(...s.paragraphs);
    s.children.forEach(visit);
  };
  visit(root);
  return { sections, paragraphs };
}

const site = useSite();

test('every seed is exported in reports.json, once', () => {
  assert.deepEqual(reports.map((r) => r.slug).sort(), seedSlugs());
});

for (const report of reports) {
  test(`${report.slug}: nothing lost, chrome kept out, sections and paragraphs anchored, boxes and run-ins as recorded, no console errors`, async () => {
    const { page, errors, close } = await openPage(site.browser, `${site.server.url}/reports/${report.slug}/`);
    try {
      const body = squash(await page.locator('.report-body').evaluate((el) => el.textContent ?? ''));
      const expected = expectedText(report);
      const failed = subsequenceFailure(expected, body);
      assert.equal(failed, -1, `text lost at: …${expected.slice(Math.max(0, failed - 20), failed)}⟦${expected.slice(failed, failed + 20)}⟧`);
      for (const c of report.chrome) {
        if (c.part === 'title') continue; // the printed title is the page's h1, outside the body
        // A chrome line's words may also occur in the text itself; they may not occur more often in the body than there.
        assert.ok(occurrences(body, squash(c.text)) <= occurrences(expected, squash(c.text)), `chrome line ${c.line} (${c.part}) is in the report body`);
      }
      const headings = await page.locator('.report-body :is(h2,h3,h4,h5,h6)').evaluateAll((els) => els.map((e) => e.id));
      assert.deepEqual(headings, sectionsIn(report.sections).map((s) => s.id), 'every section of reports.json is a heading of the body, in order');
      assert.ok(headings.every((id) => /^s-[0-9a-f]{6}/.test(id)), 'a heading has no stable id');
      const tocTargets = await page.locator('.toc a').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).hash.slice(1)));
      assert.deepEqual(tocTargets, headings, 'the table of contents lists every section in order');
      const paraIds = await page.locator('.report-body .para').evaluateAll((els) => els.map((e) => e.id));
      assert.deepEqual(paraIds, paragraphsIn(report).map((p) => p.id), 'every paragraph of reports.json is on the page, in order');
      assert.ok(paraIds.every((id) => /^p-[0-9a-f]{6}/.test(id)), 'a paragraph has no stable anchor');
      assert.equal(report.stats.paragraphs, paraIds.length);
      assert.equal(report.stats.sections, headings.length);
      // Text in angle brackets is text: no element the seed's words could have made.
      const strayElements = await page.locator('.report-body *').evaluateAll((els) => els.filter((e) => /[^\x00-\x7f]/.test(e.tagName)).length);
      assert.equal(strayElements, 0, 'an angle-bracket title became an element');
      // Glossary boxes show the report's definitions; run-in headings are set off, bold, as the record has them.
      assert.deepEqual(await page.locator('.glossary dfn').allTextContents(), report.glossary.map((g) => g.term));
      const texts = new Map(paragraphsIn(report).map((p) => [p.id, p.text]));
      const runIns = storedOutline(report.slug).paragraphs.filter((p) => p.runIn).map((p) => squash(texts.get(p.id)!.slice(p.runIn![0], p.runIn![1])));
      assert.deepEqual((await page.locator('.report-body strong.run-in').allTextContents()).map(squash), runIns, 'run-in headings');
      if (runIns.length > 0) {
        const weight = await page.locator('.report-body strong.run-in').first().evaluate((el) => getComputedStyle(el).fontWeight);
        assert.ok(Number(weight) >= 600, 'run-in headings are bold');
      }
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
}

test('株洲: the sentence with <株洲市天元区纪委派驻纪检机构全覆盖改革工作方案> renders literally', async () => {
  const { page, close } = await openPage(site.browser, `${site.server.url}/reports/zhuzhou-2017/`);
  try {
    const text = await page.locator('.report-body').textContent();
    assert.ok(text?.includes('《关于印发<株洲市天元区纪委派驻纪检机构全覆盖改革工作方案>的通知》'));
  } finally {
    await close();
  }
});

test('a paragraph citation names jurisdiction, title, source, date, section and the URL with its anchor', async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/reports/zhuzhou-2017/`, { width: 1280 });
  try {
    const para = page.locator('.report-body .para', { hasText: '推行“河长制”' });
    const id = await para.getAttribute('id');
    await para.hover();
    await para.locator('button.cite').click();
    const gbt = (await page.locator('dialog.cite-dialog [data-format="gbt"]').textContent()) ?? '';
    assert.ok(gbt.startsWith('区深改办. 深化改革 永不停步的使命——株洲新区全面推进深化改革工作的思考: 3.深化生态文明体制改革——“咬定青山不放松”[EB/OL]. '), gbt);
    assert.ok(gbt.includes('株洲高新网,株洲新区, (2017-12-19)['), gbt);
    assert.ok(gbt.endsWith(`/reports/zhuzhou-2017/#${id}.`), gbt);
    const en = (await page.locator('dialog.cite-dialog [data-format="en"]').textContent()) ?? '';
    assert.ok(en.includes('株洲新区(株洲高新区·天元区)'), en);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a paragraph anchor lands on the paragraph, highlighted', async () => {
  const report = reports.find((r) => paragraphsIn(r).length > 1)!;
  const all = paragraphsIn(report);
  const target = all[Math.floor(all.length / 2)];
  const { page, close } = await openPage(site.browser, `${site.server.url}/reports/${report.slug}/#${target.id}`);
  try {
    const el = page.locator(`#${target.id}`);
    assert.equal(squash((await el.locator('p').first().textContent()) ?? ''), squash(target.text));
    const bg = await el.evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'the targeted paragraph is highlighted');
  } finally {
    await close();
  }
});

for (const report of reports) {
  test(`${report.slug}: the source view keeps every line, with the chrome marked by the part of the page it is`, async () => {
    const { page, errors, close } = await openPage(site.browser, `${site.server.url}/reports/${report.slug}/source/`);
    try {
      const chrome = await page.locator('.source-lines li.chrome .src-text').allTextContents();
      assert.deepEqual(chrome.map((t) => t.trim()), report.chrome.map((c) => c.text));
      const lines = seedLines(report.slug);
      const body = lines.slice(lines.indexOf('---', 1) + 1).join('\n');
      const shown = await page.locator('.source-lines .src-text').allTextContents();
      assert.equal(shown.join('\n'), body, 'the source view is the seed body, line for line');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
}

test('reports.json carries each report\'s metadata and section tree, as the record has them', () => {
  for (const r of reports) {
    const walk = (s: ExportedSection): boolean => typeof s.id === 'string' && typeof s.level === 'number' && typeof s.heading === 'string' && s.paragraphs.every((p) => p.id && p.text) && s.sections.every(walk);
    assert.ok(r.sections.every(walk), r.slug);
    const stored = storedOutline(r.slug);
    assert.deepEqual(sectionsIn(r.sections).map((s) => [s.id, s.level, s.heading]), stored.sections.map((s) => [s.id, s.level, s.heading]), `${r.slug}: sections`);
    assert.deepEqual(paragraphsIn(r).map((p) => p.id), stored.paragraphs.map((p) => p.id), `${r.slug}: paragraphs`);
    assert.deepEqual(r.glossary.map((g) => [g.term, g.paragraph]), stored.paragraphs.filter((p) => p.role === 'definition').map((p) => [p.term, p.id]), `${r.slug}: glossary`);
  }
});
