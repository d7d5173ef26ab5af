// What the content script writes is what the site reads: every record parses with the model's
// report schema and stores nothing else, every corpus file parses with its schema from
// model/schemas/corpus.ts, and every body has the record's paragraphs and headings.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { attribute, parseBody, paragraphTexts, type BodyNode } from '../../model/body.ts';
import { paragraphsOf, sectionsOf } from '../../model/outline.ts';
import { coverageSchema, indicatorValueSchema, termIndexEntrySchema } from '../../model/schemas/corpus.ts';
import type { Paragraph } from '../../model/schemas/paragraph.ts';
import { reportBodySchema, reportSchema, type ReportRecord } from '../../model/schemas/report.ts';
import type { Section } from '../../model/schemas/section.ts';
import { ROOT, pipelineData, runContent, scratchProject, seedSlugs } from './helpers.ts';

let dir = '';
const read = (path: string) => readFileSync(join(dir, 'content', path), 'utf8');
const slugs = seedSlugs();

before(() => {
  dir = scratchProject();
  const run = runContent(dir);
  assert.equal(run.status, 0, run.stderr);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Returns a record as stored (the JSON) and as the site reads it (parsed by the schema). */
function record(slug: string): { stored: unknown; parsed: ReportRecord } {
  const stored = JSON.parse(read(`records/${slug}.json`));
  const result = reportSchema.safeParse(stored);
  assert.ok(result.success, `records/${slug}.json: ${result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { stored, parsed: result.data };
}

/**
 * Returns the paths of every field stored in `stored` that the parsed value does not have: fields
 * the schema does not know (zod drops them, so the site never sees them).
 */
function unknownFields(stored: unknown, parsed: unknown, path = ''): string[] {
  if (Array.isArray(stored)) return stored.flatMap((v, i) => unknownFields(v, (parsed as unknown[])[i], `${path}[${i}]`));
  if (stored === null || typeof stored !== 'object') return [];
  const known = parsed as Record<string, unknown>;
  return Object.entries(stored).flatMap(([k, v]) => (k in known ? unknownFields(v, known[k], `${path}.${k}`) : [`${path}.${k}`]));
}

test('the content script writes a body and a record for every seed, and the three corpus files', () => {
  assert.deepEqual(readdirSync(join(dir, 'content', 'reports')).sort(), slugs.map((s) => `${s}.mdx`));
  assert.deepEqual(readdirSync(join(dir, 'content', 'records')).sort(), slugs.map((s) => `${s}.json`));
  assert.deepEqual(readdirSync(join(dir, 'content', 'corpus')).sort(), ['coverage.json', 'indicator-values.json', 'terms.json']);
});

test('every generated record parses with reportSchema and stores only what the schema knows, defaults left out', () => {
  for (const slug of slugs) {
    const { stored, parsed } = record(slug);
    assert.equal(parsed.slug, slug);
    assert.equal(parsed.seedFile, `seeds/${slug}.md`);
    assert.deepEqual(unknownFields(stored, parsed), [], `records/${slug}.json stores fields the model does not have`);
    const outline = (stored as { outline: Section }).outline;
    for (const { paragraph } of paragraphsOf<Section, Record<string, unknown>>(outline as never)) {
      assert.notEqual(paragraph.role, 'text', `${slug} ${paragraph.id}: role 'text' is the default and is left out`);
      for (const list of ['domains', 'figures', 'firsts']) assert.notDeepEqual(paragraph[list], [], `${slug} ${paragraph.id}: empty ${list} is the default and is left out`);
    }
    // No text in the record: the longest paragraph of the body does not occur in it (when it is long enough not to be a heading too).
    const texts = [...paragraphTexts(read(`reports/${slug}.mdx`)).values()].sort((a, b) => b.length - a.length);
    if (texts.length > 0 && texts[0].length >= 40) assert.ok(!read(`records/${slug}.json`).includes(texts[0].slice(0, 40)), `records/${slug}.json holds paragraph text`);
  }
});

test('every body has the frontmatter, paragraphs and headings of its record, in document order', () => {
  for (const slug of slugs) {
    const { parsed } = record(slug);
    const mdx = read(`reports/${slug}.mdx`);
    const tree = parseBody(mdx);
    assert.equal(tree.children?.[0]?.type, 'yaml');
    assert.deepEqual(reportBodySchema.strict().parse(parseYaml(tree.children![0].value!)), { slug });
    const ids = { Para: [] as string[], Heading: [] as string[] };
    const visit = (n: BodyNode) => {
      if (n.type === 'mdxJsxFlowElement' && (n.name === 'Para' || n.name === 'Heading')) ids[n.name].push(attribute(n, 'id')!);
      n.children?.forEach(visit);
    };
    visit(tree);
    const paragraphs = [...paragraphsOf<Section, Paragraph>(parsed.outline)].map(({ paragraph }) => paragraph);
    assert.deepEqual(ids.Para, paragraphs.map((p) => p.id), slug);
    assert.deepEqual(ids.Heading, [...sectionsOf(parsed.outline)].map((s) => s.id), slug);
    assert.equal(parsed.stats.paragraphs, paragraphs.length);
    // Every span of the record lies inside its paragraph's text.
    const texts = paragraphTexts(mdx);
    for (const p of paragraphs) {
      const length = texts.get(p.id)!.length;
      for (const [start, end] of [...(p.runIn ? [p.runIn] : []), ...p.figures.map((f) => f.at), ...p.firsts.map((f) => f.at)]) assert.ok(start <= end && end <= length, `${slug} ${p.id}: span ${start}–${end} of ${length}`);
    }
  }
});

test('every corpus file parses with its schema from model/schemas/corpus.ts and points at what exists', () => {
  const records = new Map(slugs.map((slug) => [slug, record(slug).parsed]));
  const parse = <T>(file: string, schema: z.ZodType<T>): T[] => {
    const result = z.array(schema).safeParse(JSON.parse(read(`corpus/${file}`)));
    assert.ok(result.success, `corpus/${file}: ${result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return result.data;
  };

  const coverage = parse('coverage.json', coverageSchema);
  assert.deepEqual(coverage.flatMap((c) => c.reports).sort(), slugs);
  for (const c of coverage) {
    const passages = c.reports.flatMap((slug) => [...paragraphsOf<Section, Paragraph>(records.get(slug)!.outline)].map(({ paragraph }) => paragraph).filter((p) => p.role !== 'box-label'));
    assert.equal(c.passages, passages.length, c.id);
    assert.equal(c.unclassified, passages.filter((p) => p.domains.length === 0).length, c.id);
    for (const slug of c.reports) assert.equal(records.get(slug)!.jurisdiction, c.id);
  }
  assert.equal(coverage.reduce((n, c) => n + c.unclassified, 0), [...records.values()].reduce((n, r) => n + r.stats.unclassified, 0));
  // One entry per jurisdiction with reports.
  assert.deepEqual(coverage.map((c) => c.id).sort(), [...new Set([...records.values()].map((r) => r.jurisdiction))].sort());

  const terms = parse('terms.json', termIndexEntrySchema);
  assert.equal(new Set(terms.map((t) => t.id)).size, terms.length, 'a term twice in the index');
  const kept = pipelineData().glossary.map((g) => g.term);
  assert.deepEqual(terms.filter((t) => t.kept).map((t) => t.id).sort(), [...kept].sort(), 'every kept term has a page');
  for (const t of terms) {
    for (const slug of t.reports) assert.ok(records.get(slug)!.terms.some((r) => r.term === t.id), `${t.id} is not in ${slug}`);
    const count = [...records.values()].reduce((n, r) => n + (r.terms.find((x) => x.term === t.id)?.occurrences.length ?? 0), 0);
    assert.equal(t.occurrences, count, t.id);
  }

  assert.ok(terms.length > 0, 'corpus/terms.json is empty');
  const values = parse('indicator-values.json', indicatorValueSchema);
  assert.equal(new Set(values.map((v) => v.id)).size, values.length, 'a value twice');
  for (const v of values) {
    const r = records.get(v.report)!;
    assert.ok(r, `${v.id}: no report ${v.report}`);
    assert.equal(v.jurisdiction, r.jurisdiction);
    if (v.figure) {
      const figure = [...paragraphsOf<Section, Paragraph>(r.outline)].flatMap(({ paragraph }) => paragraph.figures).find((f) => f.id === v.figure);
      assert.ok(figure, `${v.id}: no figure ${v.figure}`);
      assert.deepEqual([v.value, v.unit], [figure.value, figure.unit]);
    }
  }
  const indicators = JSON.parse(readFileSync(join(ROOT, 'content', 'indicators.json'), 'utf8')).map((i: { id: string }) => i.id);
  const order = values.map((v) => indicators.indexOf(v.indicator));
  assert.ok(order.every((o, i) => o >= 0 && (i === 0 || o >= order[i - 1])), 'values are in the indicators’ order');
});
