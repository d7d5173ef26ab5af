// The probe corpus: fixture reports written in every shape real reform pages come in
// (docs: /work/shared/docs/LAYOUTS.md; fixtures: tests/fixtures/probe/), built with the real pipeline.
//   node tools/probe.ts            prints one row per fixture: how the pipeline fares on it
//   node tools/probe.ts --write    also writes the table to tests/fixtures/probe/TABLE.md
// Exits 1 when a fixture fails to read or breaks an invariant that must hold for any valid report.
// The table records how the pipeline fares today, wrong structure included; a change that makes a
// probe worse shows in the diff of TABLE.md (tests/unit/probe.test.ts compares it).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { attribute, paragraphTexts, parseBody, type BodyNode } from '../model/body.ts';
import { headingLine, paragraphsOf, sectionsOf } from '../model/outline.ts';
import { documentKindSchema } from '../model/schemas/document-kind.ts';
import { taxonomySchema } from '../model/schemas/domain.ts';
import { glossaryFileSchema } from '../model/schemas/glossary-term.ts';
import { indicatorSchema } from '../model/schemas/indicator.ts';
import { jurisdictionSchema } from '../model/schemas/jurisdiction.ts';
import type { Paragraph } from '../model/schemas/paragraph.ts';
import { FROM_TEXT_FIELDS, reportSchema, type ReportRecord } from '../model/schemas/report.ts';
import type { Section } from '../model/schemas/section.ts';
import { formatProblem, readSeed, type Seed, type SeedContext } from '../pipeline/1-read/seed-file.ts';
import { buildReport, type BuiltReport, type PipelineData } from '../pipeline/build-report.ts';

export const ROOT = join(import.meta.dirname, '..');
export const PROBE_DIR = join(ROOT, 'tests', 'fixtures', 'probe');
export const TABLE_FILE = join(PROBE_DIR, 'TABLE.md');

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** Returns the hand-kept data the pipeline applies (taxonomy, kept glossary, indicators), parsed as the content script parses it. */
export function probePipelineData(): PipelineData {
  const content = (name: string) => readJson(join(ROOT, 'content', name));
  return {
    domains: taxonomySchema.parse(content('domains.json')).domains,
    glossary: glossaryFileSchema.parse(content('glossary.json')).terms,
    indicators: z.array(indicatorSchema).parse(content('indicators.json')),
  };
}

/** Returns what the probe seeds are checked against: the site's jurisdictions plus the probe's own, and today's document kinds. */
export function probeContext(): SeedContext {
  const own = z.array(jurisdictionSchema).parse(readJson(join(ROOT, 'content', 'jurisdictions.json')));
  const probe = z.array(jurisdictionSchema).parse(readJson(join(PROBE_DIR, 'jurisdictions.json')));
  const clash = probe.filter((p) => own.some((j) => j.id === p.id));
  if (clash.length > 0) throw new Error(`probe jurisdictions reuse site ids: ${clash.map((j) => j.id).join(', ')}`);
  return { jurisdictions: [...own, ...probe], kinds: z.array(documentKindSchema).parse(readJson(join(ROOT, 'content', 'kinds.json'))) };
}

/** Returns the slugs of the probe seeds, sorted. */
export function probeSlugs(): string[] {
  return readdirSync(join(PROBE_DIR, 'seeds'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.replace(/\.md$/, ''))
    .sort();
}

/** Returns the shape each fixture covers, read from the table in tests/fixtures/probe/README.md (`| \`slug.md\` | shapes | … |`). */
export function probeShapes(): Map<string, string> {
  const shapes = new Map<string, string>();
  for (const line of readFileSync(join(PROBE_DIR, 'README.md'), 'utf8').split('\n')) {
    // Cells are split at unescaped pipes; `\|` inside a cell is a literal pipe.
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
    const m = /^`([a-z0-9-]+)\.md`$/.exec(cells[1] ?? '');
    if (m && cells[0] === '' && cells.length > 3) shapes.set(m[1], cells[2]);
  }
  return shapes;
}

const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]/g;
const compact = (s: string): string => s.replace(WHITESPACE, '');

/** Returns the markdown bullet (1., •) of every paragraph of an MDX body that has one, by paragraph id: markup, not text. */
function bullets(mdx: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (n: BodyNode) => {
    if (n.type === 'mdxJsxFlowElement' && n.name === 'Para') {
      const id = attribute(n, 'id');
      const bullet = attribute(n, 'bullet');
      if (id && bullet) out.set(id, bullet);
      return;
    }
    n.children?.forEach(visit);
  };
  visit(parseBody(mdx));
  return out;
}

/**
 * Returns the seed body as the report text must keep it: the chrome lines left out and markdown
 * markup that is not text (ATX heading hashes, blockquote marks, unordered list bullets) dropped.
 * Ordered list numbers stay: the body carries them as the paragraph's bullet.
 */
function keptSource(seed: Seed, chromeLines: Set<number>): string {
  return seed.body
    .split('\n')
    .filter((_, i) => !chromeLines.has(seed.bodyLine + i))
    .map((line) => line.replace(/^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/, '$1').replace(/^ {0,3}>[ \t]?/, '').replace(/^ {0,3}[-*+][ \t]+/, ''))
    .join('\n');
}

/** Returns the length of the longest prefix of `needle` that is an in-order subsequence of `hay`. */
function subsequencePrefix(needle: string, hay: string): number {
  let i = 0;
  for (let j = 0; i < needle.length && j < hay.length; j++) if (needle[i] === hay[j]) i++;
  return i;
}

/** Returns the failures of the invariants every valid report must satisfy; empty when it passes. */
export function checkInvariants(seed: Seed, built: BuiltReport): string[] {
  const failures: string[] = [];
  const fail = (s: string) => failures.push(s);
  const { record } = built;

  // The record parses with the model's schema, as built and as stored.
  const parsed = reportSchema.safeParse(record);
  if (!parsed.success) fail(`record does not parse: ${parsed.error.issues[0]?.message} at ${parsed.error.issues[0]?.path.join('.')}`);
  const stored = reportSchema.safeParse(JSON.parse(built.json));
  if (!stored.success) fail(`stored record does not parse: ${stored.error.issues[0]?.message} at ${stored.error.issues[0]?.path.join('.')}`);

  // Paragraph texts as the site reads them back from the MDX body.
  const texts = paragraphTexts(built.mdx);
  const marks = bullets(built.mdx);
  const sections = [...sectionsOf<Section>(record.outline)];
  const paragraphs = [...paragraphsOf<Section, Paragraph>(record.outline)].map(({ paragraph }) => paragraph);

  // Ids are unique, and every paragraph of the record has its text in the body and no other.
  const dup = (ids: string[]) => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  const sectionDups = dup([record.outline.id, ...sections.map((s) => s.id)]);
  if (sectionDups.length > 0) fail(`duplicate section ids: ${sectionDups.join(', ')}`);
  const paragraphDups = dup(paragraphs.map((p) => p.id));
  if (paragraphDups.length > 0) fail(`duplicate paragraph ids: ${paragraphDups.join(', ')}`);
  const missing = paragraphs.filter((p) => !texts.has(p.id)).map((p) => p.id);
  if (missing.length > 0) fail(`paragraphs without text in the body: ${missing.slice(0, 3).join(', ')}`);
  const extra = [...texts.keys()].filter((id) => !paragraphs.some((p) => p.id === id));
  if (extra.length > 0) fail(`body paragraphs not in the record: ${extra.slice(0, 3).join(', ')}`);

  // Nothing is lost: the body minus chrome is an in-order subsequence of headings and paragraph texts.
  const chromeLines = new Set(record.chrome.map((c) => c.line));
  const source = compact(keptSource(seed, chromeLines));
  const parts: string[] = [];
  const visit = (s: Section) => {
    if (s.level > 0) parts.push(s.heading);
    for (const p of s.paragraphs) {
      const bullet = marks.get(p.id);
      parts.push((bullet && bullet !== '•' ? bullet : '') + (texts.get(p.id) ?? ''));
    }
    s.children.forEach(visit);
  };
  visit(record.outline);
  const output = compact(parts.join(''));
  const kept = subsequencePrefix(source, output);
  if (kept < source.length) fail(`text lost: the output lacks “${source.slice(kept, kept + 24)}” (source character ${kept + 1} of ${source.length})`);

  // No chrome line is also report text.
  const textual = new Set([...sections.map((s) => compact(s.heading)), ...[...texts.values()].map(compact)]);
  for (const c of record.chrome) {
    if (compact(c.text) !== '' && textual.has(compact(c.text))) fail(`chrome line ${c.line} (${c.part}) is also a heading or paragraph: “${c.text}”`);
  }

  // Every span lies inside the text it points into.
  const inside = (span: readonly [number, number], text: string) => span[0] >= 0 && span[0] <= span[1] && span[1] <= text.length;
  for (const p of paragraphs) {
    const text = texts.get(p.id) ?? '';
    for (const f of p.figures) {
      if (!inside(f.at, text)) fail(`figure ${f.id} at [${f.at}] outside paragraph ${p.id} (${text.length} code units)`);
      if (!inside(f.phrase, text)) fail(`figure ${f.id} phrase at [${f.phrase}] outside paragraph ${p.id}`);
    }
    for (const f of p.firsts) if (!inside(f.at, text)) fail(`first ${f.id} at [${f.at}] outside paragraph ${p.id}`);
    if (p.runIn && !inside(p.runIn, text)) fail(`run-in at [${p.runIn}] outside paragraph ${p.id}`);
  }
  const headings = new Map(sections.map((s) => [s.id, s.heading]));
  for (const term of record.terms) {
    for (const o of term.occurrences) {
      const text = texts.get(o.anchor) ?? headings.get(o.anchor);
      if (text === undefined) fail(`term “${term.term}” occurs at unknown anchor ${o.anchor}`);
      else if (!inside(o.at, text)) fail(`term “${term.term}” at [${o.at}] outside ${o.anchor}`);
    }
  }
  return failures;
}

/** One fixture's row of the probe table. */
export interface ProbeRow {
  slug: string;
  shape: string;
  sections: string;
  chrome: string;
  fromText: string;
  paragraphs: string;
  unclassified: string;
  domains: string;
  problems: string[];
}

/** Returns a text cut to `max` characters, with … when cut. */
function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** Returns the counts of values in order of first appearance, as `value×n` (×n left out for one). */
function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => (n === 1 ? v : `${v}×${n}`)).join(', ');
}

/** Returns the table row of a built report. */
function describe(slug: string, shape: string, record: ReportRecord, problems: string[]): ProbeRow {
  const top = record.outline.children;
  const listed = top.slice(0, 6).map((s) => shorten(headingLine(s.heading), 14));
  const more = top.length > listed.length ? ` +${top.length - listed.length}` : '';
  const all = [...sectionsOf<Section>(record.outline)].length;
  const fromText = FROM_TEXT_FIELDS.filter((f) => record.fromText[f] !== undefined).map((f) => `${f}=${shorten(record[f], 16)} (l.${record.fromText[f]})`);
  const perDomain = new Map<string, number>();
  for (const { paragraph } of paragraphsOf<Section, Paragraph>(record.outline)) {
    for (const d of new Set(paragraph.domains.map((t) => t.domain))) perDomain.set(d, (perDomain.get(d) ?? 0) + 1);
  }
  const domains = [...perDomain]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([d, n]) => `${d} ${n}`);
  return {
    slug,
    shape,
    sections: `${all} (${top.length} top)${listed.length ? ': ' + listed.join(' · ') + more : ''}`,
    chrome: record.chrome.length === 0 ? '0' : `${record.chrome.length}: ${tally(record.chrome.map((c) => c.part))}`,
    fromText: fromText.join('; ') || '—',
    paragraphs: String(record.stats.paragraphs),
    unclassified: String(record.stats.unclassified),
    domains: domains.join(', ') || '—',
    problems,
  };
}

/** One probe fixture, read and built, with the row the table shows. */
export interface ProbeResult {
  slug: string;
  seed?: Seed;
  built?: BuiltReport;
  row: ProbeRow;
}

/** Returns every probe fixture read, built with the real pipeline in memory and checked, sorted by slug. */
export function probeAll(): ProbeResult[] {
  const ctx = probeContext();
  const data = probePipelineData();
  const shapes = probeShapes();
  return probeSlugs().map((slug): ProbeResult => {
    const file = `tests/fixtures/probe/seeds/${slug}.md`;
    const shape = shapes.get(slug) ?? '';
    const empty: ProbeRow = { slug, shape, sections: '—', chrome: '—', fromText: '—', paragraphs: '—', unclassified: '—', domains: '—', problems: [] };
    const extra = shape === '' ? ['no row in tests/fixtures/probe/README.md'] : [];
    const { seed, problems } = readSeed(file, slug, readFileSync(join(ROOT, file)), ctx);
    if (!seed || problems.length > 0) return { slug, seed, row: { ...empty, problems: [...problems.map(formatProblem), ...extra] } };
    let built: BuiltReport;
    try {
      built = buildReport(seed, data);
    } catch (e) {
      return { slug, seed, row: { ...empty, problems: [`build failed: ${(e as Error).message.split('\n')[0]}`, ...extra] } };
    }
    let failures: string[];
    try {
      failures = checkInvariants(seed, built);
    } catch (e) {
      failures = [`invariant check failed: ${(e as Error).message.split('\n')[0]}`];
    }
    return { slug, seed, built, row: describe(slug, shape, built.record, [...failures, ...extra]) };
  });
}

/** Returns a table cell: pipes escaped, line breaks flattened. */
function cell(s: string): string {
  return s.replace(/\r?\n/g, ' / ').replace(/\|/g, '\\|');
}

/** Returns the Markdown of the probe table (deterministic: rows sorted by slug, no dates). */
export function renderTable(rows: ProbeRow[]): string {
  const head = ['fixture', 'shape', 'sections (top-level headings)', 'chrome (parts)', 'read from text', 'paras', 'unclass.', 'domains (top 3, paragraphs)', 'problems'];
  const lines = [
    '# Probe table',
    '',
    'Generated by `node tools/probe.ts --write` from tests/fixtures/probe/seeds/ with the real pipeline; do not edit by hand.',
    'It records how the pipeline fares today, wrong structure included. `problems` lists read problems and broken invariants (must be empty).',
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
  ];
  for (const r of [...rows].sort((a, b) => (a.slug < b.slug ? -1 : 1))) {
    const problems = r.problems.length === 0 ? '—' : r.problems.join('; ');
    lines.push(`| ${[r.slug, r.shape, r.sections, r.chrome, r.fromText, r.paragraphs, r.unclassified, r.domains, problems].map(cell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.main) {
  const results = probeAll();
  const table = renderTable(results.map((r) => r.row));
  process.stdout.write(table);
  if (process.argv.includes('--write')) {
    writeFileSync(TABLE_FILE, table);
    process.stdout.write(`\nwrote ${TABLE_FILE.slice(ROOT.length + 1)}\n`);
  }
  const failing = results.filter((r) => r.row.problems.length > 0);
  if (failing.length > 0) {
    process.stderr.write(`\nprobe: ${failing.length} of ${results.length} fixtures fail:\n`);
    for (const r of failing) for (const p of r.row.problems) process.stderr.write(`  ${r.slug}: ${p}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`\nprobe: ${results.length} fixtures, every invariant holds\n`);
  }
}
