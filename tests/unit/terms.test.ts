import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../../scripts/lib/report.ts';
import { extractTerms, findForms, isTermLike, quotedTerms, termMarks, termSlug, type ReportTerm } from '../../scripts/lib/terms.ts';
import type { Paragraph, Section } from '../../scripts/lib/types.ts';
import { glossaryFileSchema } from '../../src/schemas/glossary.ts';
import { ROOT, loadSeed, pipelineData, seedSlugs } from './helpers.ts';

const data = pipelineData();
const glossary = glossaryFileSchema.parse(JSON.parse(readFileSync(join(ROOT, 'content', 'glossary.json'), 'utf8'))).terms;
const built = new Map(seedSlugs().map((slug) => [slug, buildReport(loadSeed(slug), data).record]));
const termsOf = (slug: string) => built.get(slug)!.terms as ReportTerm[];
const domainIds = new Set<string>(JSON.parse(readFileSync(join(ROOT, 'content', 'domains.json'), 'utf8')).domains.map((d: { id: string }) => d.id));

/** Returns the reports (slugs) in which a term occurs. */
function reportsUsing(term: string): string[] {
  return [...built.keys()].filter((slug) => termsOf(slug).some((t) => t.term === term && t.occurrences.length > 0));
}

/** Returns a one-section outline holding the given paragraph texts. */
function outline(...texts: string[]): Section {
  const paragraphs: Paragraph[] = texts.map((text, i) => ({ id: `p-${i}`, kind: 'text', text, lines: [i + 1, i + 1] }));
  return { id: 'top', level: 0, style: 'root', title: '', heading: '', lines: [0, 0], paragraphs, children: [] };
}

test('quoted phrases: short terms are kept; sentences, slogans with clause punctuation, titles and single characters are not', () => {
  assert.deepEqual(
    quotedTerms('推进“放管服”改革,做到“改革没有完成时,只有进行时”,《关于“多证合一”的通知》与“管”字,以及“全天候、零见面、一键办”。').map((q) => q.term),
    ['放管服', '多证合一', '全天候、零见面、一键办'],
  );
  const text = '实行营业执照“二十四证合一”';
  const [q] = quotedTerms(text);
  assert.equal(text.slice(q.start, q.end), '二十四证合一');
  assert.equal(isTermLike('一二三四五六七八九十一二'), true);
  assert.equal(isTermLike('一二三四五六七八九十一二三'), false, 'longer than a dozen characters is a slogan');
  assert.equal(isTermLike('《条例》'), false);
});

test('findForms prefers the longest form at a place and does not overlap', () => {
  assert.deepEqual(
    findForms('两新组织和两新党建', ['两新', '两新组织']).map((m) => m.form),
    ['两新组织', '两新'],
  );
});

test('termSlug keeps a Chinese term as its own URL segment and hashes one that cannot be a segment', () => {
  assert.equal(termSlug('放管服'), '放管服');
  assert.equal(termSlug('4+X'), '4+X');
  assert.match(termSlug('a/b'), /^t-[0-9a-f]{6}$/);
  assert.match(termSlug('.x'), /^t-[0-9a-f]{6}$/);
});

test('kept terms are found unquoted and by their synonyms; quoted phrases only where quoted; ordinals are not the term', () => {
  const kept = [{ term: '河长制', definition: 'd', synonyms: ['湖长制'] }, { term: '四种形态', definition: 'd', synonyms: [] }];
  const terms = extractTerms(outline('全面推行河长制和湖长制,建设“美丽新区”。新区发展。', '运用“四种形态”;第四种形态是少数。'), [], kept);
  const river = terms.find((t) => t.term === '河长制')!;
  assert.deepEqual(river.occurrences.map((o) => [o.form ?? river.term, o.quoted]), [['河长制', false], ['湖长制', false]]);
  const quoted = terms.find((t) => t.term === '美丽新区')!;
  assert.equal(quoted.kept, false);
  assert.equal(quoted.occurrences.length, 1);
  assert.deepEqual(terms.find((t) => t.term === '四种形态')!.occurrences.map((o) => o.quoted), [true]);
});

test('the three 中山 资料链接 definitions are extracted with their terms and point at their box paragraphs', () => {
  const record = built.get('zhongshan-2018')!;
  const boxes = record.glossary as Array<{ term: string; definition: string; paragraph: string }>;
  const defined = termsOf('zhongshan-2018').filter((t) => t.definition);
  assert.deepEqual(defined.map((t) => t.term).sort(), ['两式两员四协同', '凡提四必', '四种形态'].sort());
  for (const t of defined) {
    const box = boxes.find((b) => b.term === t.term)!;
    assert.equal(t.definition, box.definition);
    assert.ok(t.occurrences.some((o) => o.paragraph === box.paragraph), `${t.term} occurs in its own box paragraph`);
  }
});

test('放管服 occurs in all five reports; 四种形态 in 中山 and 株洲 only', () => {
  assert.deepEqual(reportsUsing('放管服'), seedSlugs());
  assert.deepEqual(reportsUsing('四种形态'), ['zhongshan-2018', 'zhuzhou-2017']);
});

test('every occurrence spans its term (or a synonym) in the paragraph or heading text', () => {
  const forms = new Map(glossary.map((g) => [g.term, [g.term, ...g.synonyms]]));
  for (const [slug, record] of built) {
    const texts = new Map<string, string>();
    const visit = (s: Section) => {
      texts.set(s.id, s.heading);
      s.paragraphs.forEach((p) => texts.set(p.id, p.text));
      s.children.forEach(visit);
    };
    visit(record.outline as Section);
    for (const t of termsOf(slug)) {
      for (const o of t.occurrences) {
        const words = texts.get(o.paragraph ?? o.section)!.slice(o.start, o.end);
        assert.ok((forms.get(t.term) ?? [t.term]).includes(words), `${slug}: ${t.term} at ${o.paragraph ?? o.section}:${o.start} reads ${words}`);
        if (o.form) assert.equal(words, o.form);
      }
    }
  }
});

test('term marks: the first occurrence of each kept term in each section, linking to its page with the definition', () => {
  const definitions = new Map(glossary.map((g) => [g.term, g.definition]));
  for (const slug of built.keys()) {
    const terms = termsOf(slug);
    const marks = termMarks(terms, glossary);
    const seen = new Set<string>();
    let count = 0;
    for (const [paragraph, list] of marks) {
      for (const m of list) {
        const term = terms.find((t) => t.slug === m.ref)!;
        assert.ok(term.kept, `${slug}: only kept terms are marked (${m.ref})`);
        assert.equal(m.note, definitions.get(term.term));
        const occurrence = term.occurrences.find((o) => o.paragraph === paragraph && o.start === m.start)!;
        const key = `${occurrence.section}|${term.term}`;
        assert.ok(!seen.has(key), `${slug}: ${term.term} marked twice in ${occurrence.section}`);
        seen.add(key);
        const first = term.occurrences.find((o) => o.section === occurrence.section && o.paragraph);
        assert.equal(first, occurrence, `${slug}: the mark is on the first occurrence in the section`);
        count++;
      }
    }
    const expected = new Set(terms.filter((t) => t.kept).flatMap((t) => t.occurrences.filter((o) => o.paragraph).map((o) => `${o.section}|${t.term}`)));
    assert.equal(count, expected.size, `${slug}: one mark per kept term per section`);
  }
});

test('the kept glossary is consistent: known domains, symmetric related terms, synonyms that belong to one term', () => {
  const terms = new Set(glossary.map((g) => g.term));
  assert.equal(terms.size, glossary.length, 'no term twice');
  assert.ok(glossary.length >= 30);
  const owners = new Map<string, string>();
  for (const g of glossary) {
    assert.ok(domainIds.has(g.domain), `${g.term}: unknown domain ${g.domain}`);
    for (const s of g.synonyms) {
      assert.ok(!terms.has(s), `${g.term}: synonym ${s} is a term of its own`);
      assert.ok(!owners.has(s), `${s} is a synonym of both ${owners.get(s)} and ${g.term}`);
      owners.set(s, g.term);
    }
    for (const r of g.related) {
      assert.ok(terms.has(r), `${g.term}: related term ${r} is not in the glossary`);
      assert.ok(glossary.find((o) => o.term === r)!.related.includes(g.term), `${g.term} → ${r} but not back`);
    }
  }
  const issue = (term: string) => glossary.find((g) => g.term === term)!;
  assert.deepEqual(issue('放管服').synonyms, ['简政放权', '放管结合', '优化服务']);
  assert.ok(issue('河长制').synonyms.includes('湖长制'));
  assert.ok(issue('多证合一').related.includes('证照分离') && !issue('多证合一').synonyms.includes('证照分离'));
});

test('every kept definition names its source: a document title with a year, or a report’s 资料链接', () => {
  for (const g of glossary) {
    const namesDocument = /《[^》]+》/.test(g.source) || /资料链接/.test(g.source) || /(19|20)\d\d年/.test(g.source);
    assert.ok(namesDocument, `${g.term}: source “${g.source}” names no document, year or 资料链接`);
    assert.ok(/(19|20)\d\d/.test(g.source) || /资料链接/.test(g.source), `${g.term}: source has no year`);
  }
});

test('no kept definition copies report text: no sentence of a seed inside it, no 15 characters in a row from a seed', () => {
  const bodies = seedSlugs().map((slug) => loadSeed(slug).body.replace(/\s*\n\s*/g, ''));
  const sentences = bodies.flatMap((b) => b.split(/[。;;!?!?]/)).map((s) => s.trim()).filter((s) => [...s].length >= 8);
  const RUN = 15;
  for (const g of glossary) {
    for (const s of sentences) {
      assert.ok(!g.definition.includes(s), `${g.term}: the definition contains the report sentence “${s}”`);
      assert.ok(!s.includes(g.definition), `${g.term}: the definition is part of a report sentence`);
    }
    for (let i = 0; i + RUN <= g.definition.length; i++) {
      const run = g.definition.slice(i, i + RUN);
      assert.ok(!bodies.some((b) => b.includes(run)), `${g.term}: “${run}” is copied from a report`);
    }
  }
});
