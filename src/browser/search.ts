// The search page: Pagefind's JS API, with exact-term matching for Chinese queries.
//
// Why not Pagefind's UI: its results are Pagefind's own matches, and for Chinese those are wrong
// both ways (measured on our build: a plain query splits 营商环境 into 营|商|环境 and returns reports
// without the term; a quoted query misses reports where the indexer joined a character of the term
// to its neighbour, 11 of 161 quoted terms of the seeds; a plain query can miss too, when the term
// starts inside an indexed word: 畅、诉求 in 顺畅、诉求). So for a query with Chinese in it we ask
// Pagefind for candidates (quoted, plain, and character by character against the `chars` meta
// field every report carries), keep the pages whose text contains every term, and cut our own
// sub-results and excerpts at the headings. If nothing contains the term, Pagefind's loose results
// are shown under a notice. Latin-only queries use Pagefind as it is.
// Traditional and Simplified are one language here: the query and the page text are compared in
// Simplified form (model/script.ts, with the table the page carries), which keeps every offset, so
// a query in either script finds pages in both and the excerpt shows the text as written.
import { tableNormaliser, type ScriptTable } from '../../model/script.ts';
import { containsAllTerms, excerptAround, findOccurrences, hasHan, queryTerms, splitSections, type ExcerptPart } from './search-terms.ts';

interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindFragment {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: PagefindAnchor[];
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindFragment>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string, o?: { filters?: Record<string, unknown> }): Promise<{ results: PagefindResult[] } | null>;
}

/** A section of a result page where the query matched. */
interface SubHit {
  title: string;
  url: string;
  count: number;
  /** Excerpt as parts (exact mode) or Pagefind's excerpt HTML (loose mode). */
  excerpt: ExcerptPart[] | string;
  cutBefore: boolean;
  cutAfter: boolean;
}
/** A result page, ready to show. */
interface Hit {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  count: number;
  subs: SubHit[];
  /** The matched words as the page writes them (exact mode), for the link to the page. */
  forms?: string[];
}

/** Filters shown first, with their Chinese labels; other keys an indexed page declares follow. */
const FILTER_LABELS: Record<string, string> = {
  jurisdiction: '行政区',
  province: '省份',
  year: '年份',
  domain: '改革领域',
  kind: '文件类型',
  type: '页面类型',
};
const RESERVED_PARAMS = new Set(['q', 'loose']);
// Fragments are fetched one per candidate page; past this many, only the best-ranked are checked.
const MAX_CANDIDATES = 300;
const SUBS_SHOWN = 4;

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const looseBox = form.querySelector<HTMLInputElement>('input[name="loose"]')!;
const filterBox = document.querySelector<HTMLElement>('[data-search-filters]')!;
const filterDetails = document.querySelector<HTMLDetailsElement>('[data-search-filter-box]')!;
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const notice = document.querySelector<HTMLElement>('[data-search-notice]')!;
const counts = document.querySelector<HTMLElement>('[data-search-counts]')!;
const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
const others = document.querySelector<HTMLElement>('[data-search-others]')!;
const otherList = others.querySelector('ol')!;

const tableData = document.querySelector<HTMLElement>('[data-script-table]')?.dataset.scriptTable;
const toSimplified = tableNormaliser(tableData ? (JSON.parse(tableData) as ScriptTable) : { chars: {}, phrases: {} });

let pagefind: Promise<Pagefind> | undefined;
/** Returns the Pagefind API, loaded once from the index written at build time. */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pf.options({ excerptLength: 40 });
    await pf.init();
    return pf;
  })();
  return pagefind;
}

/** Returns the selected filter values per key, as in the URL (?jurisdiction=…&year=…). */
function selectedFilters(params: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of params) if (!RESERVED_PARAMS.has(key) && value) (out[key] ??= []).push(value);
  return out;
}

/** Returns the Pagefind filter object: any of the values within a key, every key. */
function pagefindFilters(selected: Record<string, string[]>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(selected).map(([k, values]) => [k, { any: values }]));
}

/** Returns the address of a report passage that the report page will highlight the terms in. */
function landingUrl(pageUrl: string, terms: string[], anchor?: string): string {
  const url = new URL(pageUrl, location.origin);
  url.search = '';
  terms.forEach((t) => url.searchParams.append('term', t));
  url.hash = anchor ?? '';
  return url.pathname + url.search + url.hash;
}

/** Returns true for report pages, which are listed before other pages (terms, domains). */
function isReport(hit: Hit): boolean {
  return new URL(hit.url, location.origin).pathname.startsWith('/reports/');
}

/** Returns the distinct texts, as written, that the ranges cover: what the report page is asked to highlight. */
function writtenForms(text: string, ranges: Array<{ start: number; end: number }>): string[] {
  return [...new Set(ranges.map((r) => text.slice(r.start, r.end)))];
}

/**
 * Returns the hit for a page whose text contains every term, with its sections that do; null if it
 * does not. `terms` are in Simplified form and the text is compared in Simplified form; links ask the
 * report page to highlight the forms the page itself has.
 */
function exactHit(fragment: PagefindFragment, terms: string[]): Hit | null {
  const text = fragment.content;
  const plain = toSimplified(text);
  if (!containsAllTerms(plain, terms)) return null;
  const headings = fragment.anchors
    .filter((a) => /^h[1-6]$/i.test(a.element) && a.text)
    .sort((a, b) => a.location - b.location)
    .map((a) => ({ id: a.id, text: a.text! }));
  const subs: SubHit[] = [];
  let count = 0;
  const forms = writtenForms(text, findOccurrences(plain, terms));
  for (const section of splitSections(text, headings, fragment.meta.title ?? '')) {
    const body = text.slice(section.start, section.end);
    const ranges = findOccurrences(plain.slice(section.start, section.end), terms);
    if (!ranges.length) continue;
    count += ranges.length;
    const { parts, before, after } = excerptAround(body, ranges, 64);
    subs.push({ title: section.title, url: landingUrl(fragment.url, forms, section.id), count: ranges.length, excerpt: parts, cutBefore: before, cutAfter: after });
  }
  return { url: fragment.url, meta: fragment.meta, filters: fragment.filters, count, subs, forms };
}

/** Returns the hit for a page as Pagefind matched it (loose mode). */
function looseHit(fragment: PagefindFragment, terms: string[]): Hit {
  const subs = fragment.sub_results.map((s) => {
    const anchor = new URL(s.url, location.origin).hash.slice(1) || undefined;
    return { title: s.title, url: landingUrl(fragment.url, terms, anchor), count: 0, excerpt: s.excerpt, cutBefore: true, cutAfter: true };
  });
  return { url: fragment.url, meta: fragment.meta, filters: fragment.filters, count: 0, subs };
}

/** Returns the pages for a query: exact hits for Chinese unless loose, else Pagefind's matches; `fellBack` when exact found none. */
async function runSearch(query: string, selected: Record<string, string[]>, loose: boolean): Promise<{ hits: Hit[]; exact: boolean; fellBack: boolean; terms: string[] }> {
  const pf = await loadPagefind();
  const terms = queryTerms(query).map(toSimplified);
  const filters = pagefindFilters(selected);
  const plainQuery = terms.join(' ');
  const exactWanted = hasHan(plainQuery) && !loose;
  const plain = await pf.search(plainQuery, { filters });
  const plainResults = plain?.results ?? [];
  if (exactWanted) {
    const quoted = await pf.search(terms.map((t) => `"${t}"`).join(' '), { filters });
    // Every report lists its characters in a `chars` meta field (PagefindMeta), so a query of the
    // term's characters one by one finds every report that could contain it, whatever the segmenter did.
    const characters = await pf.search(terms.map((t) => t.replace(/\p{Script=Han}/gu, ' $& ')).join(' '), { filters });
    const seen = new Set<string>();
    const candidates = [...(quoted?.results ?? []), ...plainResults, ...(characters?.results ?? [])]
      .filter((r) => !seen.has(r.id) && Boolean(seen.add(r.id)))
      .slice(0, MAX_CANDIDATES);
    const fragments = await Promise.all(candidates.map((r) => r.data()));
    const hits = fragments.map((f) => exactHit(f, terms)).filter((h): h is Hit => h !== null);
    // Reports first, then pages where the term occurs most; otherwise Pagefind's order.
    const order = new Map(hits.map((h, i) => [h, i]));
    hits.sort((a, b) => Number(isReport(b)) - Number(isReport(a)) || b.count - a.count || order.get(a)! - order.get(b)!);
    if (hits.length) return { hits, exact: true, fellBack: false, terms };
  }
  const fragments = await Promise.all(plainResults.slice(0, MAX_CANDIDATES).map((r) => r.data()));
  const hits = fragments.map((f) => looseHit(f, terms));
  const order = new Map(hits.map((h, i) => [h, i]));
  hits.sort((a, b) => Number(isReport(b)) - Number(isReport(a)) || order.get(a)! - order.get(b)!);
  return { hits, exact: false, fellBack: exactWanted, terms };
}

/** Returns nodes for an excerpt: exact parts, or Pagefind's HTML reduced to its text and <mark>s. */
function excerptNodes(excerpt: ExcerptPart[] | string): Node[] {
  let parts: ExcerptPart[];
  if (typeof excerpt === 'string') {
    // Parsed in an inert template, and only text and <mark> are kept: nothing from the index runs.
    const template = document.createElement('template');
    template.innerHTML = excerpt;
    parts = [...template.content.childNodes].map((n) => ({ text: n.textContent ?? '', match: n.nodeName === 'MARK' }));
  } else {
    parts = excerpt;
  }
  return parts.map((p) => {
    // Pagefind's page text has spaces where inline elements were (由 43项); Chinese reads without them.
    if (!p.match) return document.createTextNode(p.text.replace(/\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+/g, ''));
    const mark = document.createElement('mark');
    mark.textContent = p.text;
    return mark;
  });
}

/** Returns an element with the given tag, class and text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Returns the list item for one sub-result. */
function subItem(sub: SubHit): HTMLLIElement {
  const li = el('li', 'search-sub');
  const head = el('p', 'search-sub-title');
  const link = el('a', undefined, sub.title);
  link.href = sub.url;
  head.append(link);
  if (sub.count) head.append(' ', el('span', 'search-count', `${sub.count} 处`));
  const excerpt = el('p', 'search-excerpt');
  excerpt.append(...(sub.cutBefore ? ['…'] : []), ...excerptNodes(sub.excerpt), ...(sub.cutAfter ? ['…'] : []));
  li.append(head, excerpt);
  return li;
}

/** Returns the list item for one result page: title, jurisdiction · period · kind, matching sections. */
function resultItem(hit: Hit, terms: string[], index: number): HTMLLIElement {
  const li = el('li', 'search-result');
  const title = el('h2', 'search-result-title');
  // Every heading on the site has an id, result titles included, so a result can be linked to.
  title.id = `result-${index + 1}`;
  const link = el('a', undefined, hit.meta.title || hit.url);
  link.href = landingUrl(hit.url, hit.forms ?? terms);
  title.append(link);
  const facts = [hit.meta.jurisdiction, hit.meta.period, hit.meta.kind].filter(Boolean);
  if (hit.count) facts.push(`${hit.count} 处`);
  li.append(title);
  if (facts.length) li.append(el('p', 'search-result-meta', facts.join(' · ')));
  if (hit.subs.length) {
    const subs = el('ul', 'search-subs');
    subs.append(...hit.subs.slice(0, SUBS_SHOWN).map(subItem));
    li.append(subs);
    if (hit.subs.length > SUBS_SHOWN) {
      const more = el('details', 'search-more');
      more.append(el('summary', undefined, `另有 ${hit.subs.length - SUBS_SHOWN} 节`));
      const rest = el('ul', 'search-subs');
      rest.append(...hit.subs.slice(SUBS_SHOWN).map(subItem));
      more.append(rest);
      li.append(more);
    }
  }
  return li;
}

/** Returns the per-jurisdiction counts line ("中山市 1 · 湘潭市 1"), with other pages counted apart. */
function countsLine(hits: Hit[]): string {
  const byJurisdiction = new Map<string, number>();
  let others = 0;
  for (const h of hits) {
    const j = h.filters.jurisdiction?.[0];
    if (isReport(h) && j) byJurisdiction.set(j, (byJurisdiction.get(j) ?? 0) + 1);
    else others++;
  }
  const parts = [...byJurisdiction].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).map(([j, n]) => `${j} ${n}`);
  if (others) parts.push(`其他页面 ${others}`);
  return parts.length ? `按行政区:${parts.join(' · ')}` : '';
}

/** Returns nothing; fills the filter fieldsets from the values the index holds, checking those in the URL. */
async function renderFilters(selected: Record<string, string[]>): Promise<void> {
  // Built once and then only re-checked, so a keyboard user toggling a box keeps focus on it.
  if (filterBox.dataset.ready) {
    for (const box of filterBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = selected[box.name]?.includes(box.value) ?? false;
    return;
  }
  const pf = await loadPagefind();
  const available = await pf.filters();
  const keys = Object.keys(available).sort((a, b) => {
    const known = Object.keys(FILTER_LABELS);
    const ia = known.indexOf(a) === -1 ? known.length : known.indexOf(a);
    const ib = known.indexOf(b) === -1 ? known.length : known.indexOf(b);
    return ia - ib || a.localeCompare(b);
  });
  const collator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });
  filterBox.replaceChildren(
    ...keys.map((key) => {
      const fieldset = el('fieldset', 'search-filter');
      fieldset.append(el('legend', undefined, FILTER_LABELS[key] ?? key));
      const values = Object.keys(available[key]).sort((a, b) => (key === 'year' ? collator.compare(b, a) : collator.compare(a, b)));
      for (const value of values) {
        const label = el('label');
        const box = el('input');
        box.type = 'checkbox';
        box.name = key;
        box.value = value;
        box.checked = selected[key]?.includes(value) ?? false;
        label.append(box, ` ${value}`);
        fieldset.append(label);
      }
      return fieldset;
    }),
  );
  filterBox.hidden = keys.length === 0;
  filterBox.dataset.ready = 'true';
}

/** Returns nothing; runs the search the URL describes and shows it. */
async function searchFromUrl(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const query = (params.get('q') ?? '').trim();
  const selected = selectedFilters(params);
  const loose = params.get('loose') === '1';
  input.value = query;
  looseBox.checked = loose;
  await renderFilters(selected);
  if (Object.keys(selected).length) filterDetails.open = true;
  notice.hidden = true;
  counts.textContent = '';
  list.replaceChildren();
  otherList.replaceChildren();
  others.hidden = true;
  list.dataset.state = 'idle';
  if (!query) {
    status.textContent = '';
    return;
  }
  status.textContent = '正在搜索…';
  list.dataset.state = 'busy';
  const started = performance.now();
  const { hits, exact, fellBack, terms } = await runSearch(query, selected, loose);
  const ms = performance.now() - started;
  const reportHits = hits.filter(isReport);
  const otherCount = hits.length - reportHits.length;
  // The words as the reader typed them, in whichever script.
  const quotedTerms = queryTerms(query).map((t) => `“${t}”`).join('、');
  const filtered = Object.keys(selected).length > 0 ? '(已筛选)' : '';
  const othersNote = otherCount ? `;另有词条等页面 ${otherCount} 个` : '';
  if (!hits.length) {
    status.textContent = `没有找到与${quotedTerms}相关的页面${filtered}。`;
  } else if (exact) {
    const occurrences = reportHits.reduce((n, h) => n + h.count, 0);
    status.textContent = `含有${quotedTerms}的报告 ${reportHits.length} 份${filtered},共 ${occurrences} 处${othersNote}。`;
  } else if (fellBack) {
    status.textContent = `没有页面含有完整的${quotedTerms}${filtered};宽松匹配找到报告 ${reportHits.length} 份${othersNote}。`;
  } else {
    status.textContent = `找到报告 ${reportHits.length} 份${filtered}${othersNote}。`;
  }
  if (fellBack && hits.length) {
    notice.textContent = `没有页面含有完整的${quotedTerms}。下面是宽松匹配的结果:词语被拆开匹配,结果未必含有原词。`;
    notice.hidden = false;
  } else if (loose && hasHan(query)) {
    notice.textContent = '宽松匹配:词语被拆开匹配,结果未必含有原词。取消“宽松匹配”只看含有完整词语的页面。';
    notice.hidden = false;
  }
  counts.textContent = countsLine(hits);
  // Reports are the results; glossary and other pages that match follow in a list of their own.
  const reports = hits.filter(isReport);
  list.append(...reports.map((h, i) => resultItem(h, terms, i)));
  otherList.append(...hits.filter((h) => !isReport(h)).map((h, i) => resultItem(h, terms, reports.length + i)));
  others.hidden = otherList.childElementCount === 0;
  status.dataset.searchMs = String(Math.round(ms));
  list.dataset.state = 'done';
}

/** Returns the search address for the form's current query, options and filters. */
function urlFromForm(): string {
  const params = new URLSearchParams();
  const query = input.value.trim();
  if (query) params.set('q', query);
  if (looseBox.checked) params.set('loose', '1');
  for (const box of filterBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) params.append(box.name, box.value);
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ''}`;
}

/** Returns nothing; shows the search and records it in the address bar so it can be shared and reloaded. */
function go(push: boolean): void {
  const url = urlFromForm();
  if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
  void show();
}

/** Returns nothing; runs searchFromUrl and reports a failure to load the index. */
async function show(): Promise<void> {
  try {
    await searchFromUrl();
  } catch (error) {
    list.dataset.state = 'error';
    status.textContent = '搜索索引加载失败,请稍后重试。';
    console.warn('search failed', error);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go(true);
});
// A changed filter or option applies at once; the query waits for Enter or the button.
form.addEventListener('change', (event) => {
  if (event.target !== input) go(false);
});
window.addEventListener('popstate', () => void show());
void show();
