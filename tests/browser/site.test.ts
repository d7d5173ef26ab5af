// Site-wide checks on the built site: every internal link and #anchor resolves, every page is
// valid HTML with a title, a description and a canonical URL, a sitemap and a 404 page exist,
// a Content-Security-Policy forbids unhashed inline script and eval, no javascript: URL appears,
// outbound links carry rel="noopener"; and on every page type: no accessibility violations
// (axe-core), every heading has an id, no horizontal scrolling at 375 px, no console errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { DIST, data, openPage, useSite } from './harness.ts';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(DIST);
const pages = files.filter((f) => f.endsWith('.html'));
const html = new Map(pages.map((f) => [f, readFileSync(f, 'utf8')]));
const attr = (source: string, name: string) => [...source.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1].replace(/&amp;/g, '&'));
const idsOf = (file: string) => new Set(attr(html.get(file)!, 'id').map((id) => decodeURIComponent(id)));
const urlOf = (file: string) => '/' + path.relative(DIST, file).replace(/index\.html$/, '').replace(/\\/g, '/');

/** Returns the file a site path points to, or undefined. */
function fileFor(pathname: string): string | undefined {
  const clean = decodeURIComponent(pathname);
  const candidates = clean.endsWith('/') ? [path.join(DIST, clean, 'index.html')] : [path.join(DIST, clean), path.join(DIST, clean, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

test('there is a page of every type', () => {
  for (const p of ['index.html', '404.html', 'about/index.html', 'search/index.html', 'compare/index.html', 'indicators/index.html', 'terms/index.html', 'data/index.html']) {
    assert.ok(existsSync(path.join(DIST, p)), p);
  }
  assert.ok(pages.length > 50);
});

test('every internal link and every #anchor resolves', () => {
  const broken: string[] = [];
  for (const [file, source] of html) {
    for (const href of [...attr(source, 'href'), ...attr(source, 'src')]) {
      if (/^(https?:|mailto:|data:)/i.test(href) || href.startsWith('//')) continue;
      const url = new URL(href, `http://site${urlOf(file)}`);
      const target = url.pathname === urlOf(file) && href.startsWith('#') ? file : fileFor(url.pathname);
      if (!target) {
        broken.push(`${urlOf(file)} → ${href}`);
        continue;
      }
      if (url.hash && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${urlOf(file)} → ${href} (no such anchor)`);
    }
  }
  assert.deepEqual(broken.slice(0, 20), []);
});

test('every page is valid HTML', async () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // Astro writes void elements as <meta …> and attribute order as authored; these are style, not validity.
      'void-style': 'off',
      'attribute-boolean-style': 'off',
      'no-trailing-whitespace': 'off',
      // Long Chinese sentences and generated SVG are not formatted by hand.
      'long-title': 'off',
      // The CSP meta must come first in <head> to apply to everything after it; Astro places it.
      'no-inline-style': 'off',
      'attribute-empty-style': 'off',
      'no-redundant-role': 'off',
      // A group of checkboxes shares one name (?j=…&j=…); ids may be any text without spaces (HTML5), as heading slugs are.
      'form-dup-name': ['error', { shared: ['radio', 'checkbox'] }],
      'valid-id': ['error', { relaxed: true }],
    },
  });
  const problems: string[] = [];
  for (const [file, source] of html) {
    const report = await validator.validateString(source, urlOf(file));
    for (const result of report.results) for (const m of result.messages) problems.push(`${urlOf(file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems`);
});

test('every page has a title, a description and a canonical URL, and the sitemap lists them', () => {
  const sitemap = existsSync(path.join(DIST, 'sitemap-0.xml')) ? decodeURIComponent(readFileSync(path.join(DIST, 'sitemap-0.xml'), 'utf8')) : '';
  assert.ok(existsSync(path.join(DIST, 'sitemap-index.xml')));
  for (const [file, source] of html) {
    const where = urlOf(file);
    assert.match(source, /<title>[^<]+<\/title>/, `${where}: no title`);
    assert.match(source, /<meta name="description" content="[^"]+"/, `${where}: no description`);
    assert.match(source, /<link rel="canonical" href="[^"]+"/, `${where}: no canonical`);
    if (!where.startsWith('/404')) assert.ok(sitemap.includes(`${where}</loc>`), `${where} is not in the sitemap`);
  }
});

test('a CSP on every page forbids unhashed inline script and eval; every inline script is hashed', () => {
  for (const [file, source] of html) {
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(source)?.[1];
    assert.ok(csp, `${urlOf(file)}: no CSP`);
    const script = /script-src ([^;]+)/.exec(csp)![1].split(/\s+/);
    assert.ok(!script.includes("'unsafe-inline'") && !script.includes("'unsafe-eval'"), `${urlOf(file)}: ${script.join(' ')}`);
    assert.match(csp, /object-src 'none'/);
    for (const m of source.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      if (m[1].trim() === '') continue;
      const hash = `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`;
      assert.ok(script.includes(hash), `${urlOf(file)}: inline script not hashed in the CSP`);
    }
  }
});

test('no javascript: URL anywhere, and outbound links carry rel="noopener"', () => {
  for (const [file, source] of html) {
    for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
      for (const value of attr(source, name)) assert.ok(!/^\s*(javascript|vbscript|data:text\/html)/i.test(value), `${urlOf(file)}: ${name}="${value}"`);
    }
    assert.ok(!/\son[a-z]+=/i.test(source.replace(/<script[\s\S]*?<\/script>/g, '')), `${urlOf(file)}: an inline event handler`);
    for (const m of source.matchAll(/<a\s[^>]*href="https?:[^"]*"[^>]*>/g)) assert.match(m[0], /rel="[^"]*noopener/, `${urlOf(file)}: ${m[0]}`);
  }
});

// One page of each type, checked in the browser, and every report page: a report in a new shape
// must not break accessibility or the 375 px layout. Report, city and indicator pages are taken
// from the built data (the founding 株洲, 中山 and reform-tasks pages when present).
const reports: Array<{ slug: string; jurisdiction: { id: string } }> = data('reports.json');
const indicators: Array<{ id: string }> = data('indicators.json');
const pick = <T extends string>(preferred: T, all: T[]) => (all.includes(preferred) ? preferred : all[0]);
const sourceOf = pick('zhuzhou-2017', reports.map((r) => r.slug));
const PAGE_TYPES = [
  '/',
  ...reports.map((r) => `/reports/${r.slug}/`),
  `/reports/${sourceOf}/source/`,
  `/cities/${pick('zhongshan', reports.map((r) => r.jurisdiction.id))}/`,
  '/compare/',
  '/compare/streamlining/',
  '/compare/unclassified/',
  '/indicators/',
  `/indicators/${pick('reform-tasks', indicators.map((i) => i.id))}/`,
  '/terms/',
  `/terms/${encodeURIComponent('放管服')}/`,
  `/search/?q=${encodeURIComponent('河长制')}`,
  '/about/',
  '/data/',
  '/no-such-page/',
];

const site = useSite();

for (const url of PAGE_TYPES) {
  test(`${url}: no axe violations, headings with ids, no horizontal scroll at 375 px, no console errors`, async () => {
    const { page, errors, status, close } = await openPage(site.browser, `${site.server.url}${url}`, { width: 375, allow: url === '/no-such-page/' ? [/no-such-page/] : [] });
    try {
      assert.equal(status, url === '/no-such-page/' ? 404 : 200);
      if (url.startsWith('/search/')) await page.locator('.search-results li, [data-search-results] li, #search-results li').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `page is ${width}px wide at a 375px viewport`);
      const missing = await page.locator(':is(h1,h2,h3,h4,h5,h6):not([id])').evaluateAll((els) => els.map((e) => e.textContent?.trim()));
      assert.deepEqual(missing, [], 'headings without an id');
      // axe-core runs through the DevTools protocol, which the page's CSP does not govern.
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      });
      assert.deepEqual(violations, []);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
}

test('keyboard: / focuses the search box; citation buttons and chart marks take focus', async () => {
  const { page, close } = await openPage(site.browser, `${site.server.url}/reports/${pick('zhongshan-2018', reports.map((r) => r.slug))}/`, { width: 1280 });
  try {
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'search');
    const cite = page.locator('button.cite').first();
    await cite.focus();
    assert.equal(await cite.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('dialog.cite-dialog').evaluate((d) => (d as HTMLDialogElement).open), true);
  } finally {
    await close();
  }
  const chart = await openPage(site.browser, `${site.server.url}/indicators/`, { width: 1280 });
  try {
    const focusable = await chart.page.locator('svg [tabindex="0"], svg a').count();
    assert.ok(focusable > 0, 'chart marks are not focusable');
  } finally {
    await chart.close();
  }
});
