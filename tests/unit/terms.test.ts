import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBody, attribute, type BodyNode } from '../../model/body.ts';
import { paragraphsOf, sectionsOf } from '../../model/outline.ts';
import { glossaryFileSchema } from '../../model/schemas/glossary-term.ts';
import type { Paragraph } from '../../model/schemas/paragraph.ts';
import type { Section } from '../../model/schemas/section.ts';
import type { ReportTerm } from '../../model/schemas/term.ts';
import type { GlossaryTerm } from '../../model/schemas/glossary-term.ts';
import { applyTermMarks, extractTerms, findForms, isTermLike, quotedTerms, termSlug } from '../../pipeline/4-extract/terms.ts';
import type { ParagraphDraft, SectionDraft } from '../../pipeline/draft.ts';
import { PROJECT, ROOT, builtFounding, type Built, builtSeed, foundingSlugs, loadFounding, seedSlugs, structureOf } from './helpers.ts';

const glossary = glossaryFileSchema.parse(JSON.parse(readFileSync(join(ROOT, 'content', 'glossary.json'), 'utf8'))).terms;
/** The project's glossary: the one its seeds are built with (the same file unless GAIGE_ROOT points at another project). */
const projectGlossary = glossaryFileSchema.parse(JSON.parse(readFileSync(join(PROJECT, 'content', 'glossary.json'), 'utf8'))).terms;
/** The five founding reports, from their copies in tests/fixtures/founding/. */
const founding = new Map(foundingSlugs().map((slug) => [slug, builtFounding(slug)]));
/** Every seed of the project, for the invariants that hold for any report. */
const built = new Map(seedSlugs().map((slug) => [slug, builtSeed(slug)]));
const termsOf = (slug: string): ReportTerm[] => founding.get(slug)!.record.terms;
const domainIds = new Set<string>(JSON.parse(readFileSync(join(ROOT, 'content', 'domains.json'), 'utf8')).domains.map((d: { id: string }) => d.id));

/** Returns the reports (slugs) in which a term occurs. */
function reportsUsing(term: string): string[] {
  return [...founding.keys()].filter((slug) => termsOf(slug).some((t) => t.term === term && t.occurrences.length > 0));
}

/** Returns a one-section outline holding the given paragraph texts. */
function outline(...texts: string[]): SectionDraft {
  const paragraphs: ParagraphDraft[] = texts.map((text, i) => ({ id: `p-${i}`, role: 'text', text, lines: [i + 1, i + 1] }));
  return { id: 'top', level: 0, style: 'root', title: '', heading: '', lines: [0, 0], paragraphs, children: [] };
}

/** Returns whether the words at a span of a text are set in Chinese quotes. */
const quotedAt = (text: string, [start, end]: [number, number]) => text[start - 1] === '“' && text[end] === '”';

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
  const kept = [{ term: '河长制', synonyms: ['湖长制'] }, { term: '四种形态', synonyms: [] }];
  const texts = ['全面推行河长制和湖长制,建设“美丽新区”。新区发展。', '运用“四种形态”;第四种形态是少数。'];
  const terms = extractTerms(outline(...texts), [], kept);
  const textOf = (anchor: string) => texts[Number(anchor.slice(2))];
  const river = terms.find((t) => t.term === '河长制')!;
  assert.equal(river.kept, true);
  assert.deepEqual(river.occurrences.map((o) => [o.form ?? river.term, quotedAt(textOf(o.anchor), o.at)]), [['河长制', false], ['湖长制', false]]);
  assert.deepEqual(river.occurrences.map((o) => textOf(o.anchor).slice(o.at[0], o.at[1])), ['河长制', '湖长制']);
  const quoted = terms.find((t) => t.term === '美丽新区')!;
  assert.equal(quoted.kept, undefined, 'kept is stored only when true');
  assert.equal(quoted.occurrences.length, 1);
  assert.equal(terms.find((t) => t.term === '新区'), undefined, 'an unquoted word is not a term');
  const forms = terms.find((t) => t.term === '四种形态')!;
  assert.deepEqual(forms.occurrences.map((o) => [o.anchor, quotedAt(textOf(o.anchor), o.at)]), [['p-1', true]], '第四种形态 is an ordinal, not the term');
});

test('the three 中山 资料链接 definitions are extracted with their terms and point at their box paragraphs', () => {
  const { record, texts } = founding.get('zhongshan-2018')!;
  const boxes = structureOf(loadFounding('zhongshan-2018')).glossary;
  const defined = termsOf('zhongshan-2018').filter((t) => t.definedIn);
  assert.deepEqual(defined.map((t) => t.term).sort(), ['两式两员四协同', '凡提四必', '四种形态'].sort());
  const paragraphs = new Map([...paragraphsOf<Section, Paragraph>(record.outline)].map(({ paragraph }) => [paragraph.id, paragraph]));
  for (const t of defined) {
    const box = boxes.find((b) => b.term === t.term)!;
    assert.equal(t.definedIn, box.paragraph);
    // The definition is the box paragraph's text, stored once in the body; the record marks it as defining the term.
    assert.equal(texts.get(t.definedIn!), box.definition);
    assert.deepEqual([paragraphs.get(t.definedIn!)!.role, paragraphs.get(t.definedIn!)!.term], ['definition', t.term]);
    assert.ok(t.occurrences.some((o) => o.anchor === box.paragraph), `${t.term} occurs in its own box paragraph`);
  }
  // No other report has a box, so no other report's term is defined in one.
  for (const slug of foundingSlugs().filter((s) => s !== 'zhongshan-2018')) assert.deepEqual(termsOf(slug).filter((t) => t.definedIn), [], slug);
});

test('放管服 occurs in all five founding reports; 四种形态 in 中山 and 株洲 only', () => {
  assert.deepEqual(reportsUsing('放管服'), foundingSlugs());
  assert.deepEqual(reportsUsing('四种形态'), ['zhongshan-2018', 'zhuzhou-2017']);
});

/** Checks that every occurrence of a term in a corpus spans the term (or a synonym); returns the number of occurrences in headings. */
function checkOccurrences(reports: Map<string, Built>, glossary: GlossaryTerm[]): number {
  const forms = new Map(glossary.map((g) => [g.term, [g.term, ...g.synonyms]]));
  let headings = 0;
  for (const [slug, { record, texts: paragraphTexts }] of reports) {
    // A heading occurrence points at its section (heading from the record), a paragraph occurrence at the paragraph (text from the MDX body).
    const texts = new Map(paragraphTexts);
    for (const s of sectionsOf(record.outline)) texts.set(s.id, s.heading);
    for (const t of record.terms) {
      assert.ok(t.occurrences.length > 0 || t.definedIn, `${slug}: ${t.term} has no occurrence`);
      if (t.slug !== undefined) assert.notEqual(t.slug, t.term, `${slug}: ${t.term}: slug is stored only when it differs`);
      assert.equal(t.slug ?? t.term, termSlug(t.term));
      for (const o of t.occurrences) {
        const text = texts.get(o.anchor);
        assert.ok(text !== undefined, `${slug}: ${t.term} points at unknown ${o.anchor}`);
        if (o.anchor.startsWith('s-')) headings++;
        const words = text.slice(o.at[0], o.at[1]);
        assert.ok((forms.get(t.term) ?? [t.term]).includes(words), `${slug}: ${t.term} at ${o.anchor}:${o.at[0]} reads ${words}`);
        if (o.form) assert.equal(words, o.form);
        // A term the glossary does not keep is found only where the report quotes it (or in its box definition).
        if (!t.kept && t.definedIn !== o.anchor) assert.ok(quotedAt(text, o.at), `${slug}: ${t.term} at ${o.anchor}:${o.at[0]} is not quoted`);
      }
    }
  }
  return headings;
}

test('every seed: every occurrence spans its term (or a synonym) in the paragraph or heading text', () => {
  checkOccurrences(built, projectGlossary);
});

test('in the five founding reports some terms occur in headings, each spanning its term', () => {
  assert.ok(checkOccurrences(founding, glossary) > 0, 'some terms occur in headings');
});

/** Returns the <Term> marks of an MDX body: the paragraph each is in, its ref, and its offset and words in the paragraph's text. */
function termMarksIn(mdx: string): Array<{ paragraph: string; ref: string; start: number; words: string }> {
  const marks: Array<{ paragraph: string; ref: string; start: number; words: string }> = [];
  const text = (n: BodyNode): string => (n.type === 'text' ? (n.value ?? '') : (n.children ?? []).map(text).join(''));
  const visit = (n: BodyNode, paragraph: string | undefined, offset: { at: number }) => {
    if (n.type === 'mdxJsxFlowElement' && n.name === 'Para') {
      offset = { at: 0 };
      paragraph = attribute(n, 'id');
    }
    if (n.type === 'mdxJsxTextElement' && n.name === 'Term') marks.push({ paragraph: paragraph!, ref: attribute(n, 'ref')!, start: offset.at, words: text(n) });
    if (n.type === 'text') offset.at += (n.value ?? '').length;
    for (const c of n.children ?? []) visit(c, paragraph, offset);
  };
  visit(parseBody(mdx), undefined, { at: 0 });
  return marks;
}

/** Checks the term marks of a corpus's bodies; returns the number of marks per report. */
function checkTermMarks(reports: Map<string, Built>, glossary: GlossaryTerm[]): Map<string, number> {
  const slugs = new Map(glossary.map((g) => [termSlug(g.term), g.term]));
  const counts = new Map<string, number>();
  for (const [slug, { record, mdx }] of reports) {
    const terms = record.terms;
    const sectionOf = new Map([...paragraphsOf<Section, Paragraph>(record.outline)].map(({ paragraph, section }) => [paragraph.id, section.id]));
    const seen = new Set<string>();
    const marks = termMarksIn(mdx);
    for (const m of marks) {
      // The ref is the page of a kept term (the site shows its definition from the glossary).
      const name = slugs.get(m.ref);
      assert.ok(name, `${slug}: ${m.ref} is no kept term's page`);
      const term = terms.find((t) => t.term === name)!;
      assert.ok(term.kept, `${slug}: only kept terms are marked (${m.ref})`);
      const occurrence = term.occurrences.find((o) => o.anchor === m.paragraph && o.at[0] === m.start);
      assert.ok(occurrence, `${slug}: the mark of ${name} in ${m.paragraph} at ${m.start} is on no occurrence`);
      assert.equal(m.words, occurrence.form ?? term.term);
      const section = sectionOf.get(m.paragraph)!;
      const key = `${section}|${term.term}`;
      assert.ok(!seen.has(key), `${slug}: ${term.term} marked twice in ${section}`);
      seen.add(key);
      const first = term.occurrences.find((o) => sectionOf.get(o.anchor) === section);
      assert.equal(first, occurrence, `${slug}: the mark is on the first occurrence in the section`);
    }
    const expected = new Set(terms.filter((t) => t.kept).flatMap((t) => t.occurrences.filter((o) => sectionOf.has(o.anchor)).map((o) => `${sectionOf.get(o.anchor)}|${t.term}`)));
    assert.equal(marks.length, expected.size, `${slug}: one mark per kept term per section`);
    counts.set(slug, marks.length);
  }
  return counts;
}

test('every seed: term marks are on the first occurrence of each kept term in each section, linking to its page', () => {
  checkTermMarks(built, projectGlossary);
});

test('each of the five founding reports has term marks', () => {
  for (const [slug, n] of checkTermMarks(founding, glossary)) assert.ok(n > 0, slug);
});

test('applyTermMarks marks drafts: kept terms only, a section’s own paragraphs, headings never', () => {
  const root = outline('推进放管服改革,深化放管服。', '“美丽新区”建设。');
  root.children.push({ id: 's-1', level: 1, style: 'plain', title: '放管服', heading: '放管服', lines: [3, 3], paragraphs: [{ id: 'p-9', role: 'text', text: '简政放权', lines: [4, 4] }], children: [] });
  const terms = extractTerms(root, [], [{ term: '放管服', synonyms: ['简政放权'] }]);
  applyTermMarks(root, terms);
  assert.deepEqual(root.paragraphs.map((p) => p.marks ?? []), [[{ at: [2, 5], ref: '放管服', term: true }], []]);
  assert.deepEqual(root.children[0].paragraphs[0].marks, [{ at: [0, 4], ref: '放管服', term: true }]);
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

test('every kept definition names its basis: a document title with a year, or a report’s 资料链接', () => {
  for (const g of glossary) {
    const namesDocument = /《[^》]+》/.test(g.basis) || /资料链接/.test(g.basis) || /(19|20)\d\d年/.test(g.basis);
    assert.ok(namesDocument, `${g.term}: basis “${g.basis}” names no document, year or 资料链接`);
    assert.ok(/(19|20)\d\d/.test(g.basis) || /资料链接/.test(g.basis), `${g.term}: basis has no year`);
  }
});

test('no kept definition copies founding report text: no sentence of a founding seed inside it, no 15 characters in a row from one', () => {
  const bodies = foundingSlugs().map((slug) => loadFounding(slug).body.replace(/\s*\n\s*/g, ''));
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
