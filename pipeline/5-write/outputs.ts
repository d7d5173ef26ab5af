import type { BodyParagraph, BodySection } from '../../model/body.ts';
import type { z } from 'astro/zod';
import type { paragraphSchema } from '../../model/schemas/paragraph.ts';
import type { sectionSchema } from '../../model/schemas/section.ts';
import type { Span } from '../../model/schemas/span.ts';
import type { ParagraphDraft, SectionDraft } from '../draft.ts';

/**
 * The two outputs of a report, from the drafts the stages built: the body the MDX is written from
 * (text and marks) and the outline the record keeps (everything but the text).
 */

/** Returns the span of `part` at `from` in a paragraph's text, or undefined when it is not there. */
function spanOf(text: string, part: string | undefined, from: number): Span | undefined {
  if (!part || !text.startsWith(part, from)) return undefined;
  return [from, from + part.length];
}

/** Returns where a paragraph's marker and run-in heading (or place name) stand in its text. */
function structuralSpans(p: ParagraphDraft): { marker?: Span; runIn?: Span; place?: Span; defined?: Span } {
  const marker = spanOf(p.text, p.marker, 0);
  const after = marker ? marker[1] : 0;
  const runIn = spanOf(p.text, p.runIn, after);
  if (runIn) return { marker, runIn };
  const place = spanOf(p.text, p.place, after);
  if (place) return { marker, place };
  if (p.term) {
    const quoted = p.text.indexOf(`“${p.term}”`, after);
    if (quoted >= 0) return { marker, defined: [quoted + 1, quoted + 1 + p.term.length] };
  }
  return { marker };
}

/** Returns the body of a section (and its subsections) as the MDX is written from it. */
export function toBodySection(s: SectionDraft): BodySection {
  const paragraph = (p: ParagraphDraft): BodyParagraph => ({
    id: p.id,
    text: p.text,
    role: p.role,
    bullet: p.bullet,
    ...structuralSpans(p),
    marks: p.marks ?? [],
    md: p.md,
    table: p.table,
  });
  return { id: s.id, level: s.level, paragraphs: s.paragraphs.map(paragraph), children: s.children.map(toBodySection) };
}

/**
 * Returns a section (and its subsections) as the record stores it: structure, positions and
 * findings, no text. Fields that hold their schema default (role text, no domains, no figures)
 * are left out; reading the record through the schema puts them back.
 */
export function toRecordSection(s: SectionDraft): z.input<typeof sectionSchema> {
  const paragraph = (p: ParagraphDraft): z.input<typeof paragraphSchema> => {
    const { runIn } = structuralSpans(p);
    return {
      id: p.id,
      ...(p.role !== 'text' ? { role: p.role } : {}),
      lines: p.lines,
      ...(p.list ? { list: p.list } : {}),
      ...(runIn ? { runIn } : {}),
      ...(p.term ? { term: p.term } : {}),
      ...(p.place ? { place: p.place } : {}),
      ...(p.domains?.length ? { domains: p.domains } : {}),
      ...(p.figures?.length ? { figures: p.figures } : {}),
      ...(p.firsts?.length ? { firsts: p.firsts } : {}),
    };
  };
  return {
    id: s.id,
    level: s.level,
    style: s.style,
    ...(s.number ? { number: s.number } : {}),
    title: s.title,
    heading: s.heading,
    lines: s.lines,
    ...(s.project ? { project: s.project } : {}),
    domains: s.domains ?? [],
    paragraphs: s.paragraphs.map(paragraph),
    children: s.children.map(toRecordSection),
  };
}
