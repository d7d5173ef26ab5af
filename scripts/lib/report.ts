import { applyDomains, type DomainRule } from './domains.ts';
import { applyFigureMarks, extractFigures } from './figures.ts';
import { detectStructure } from './structure.ts';
import { mdastToMdx, reportToMdast } from './mdx.ts';
import { applyTermMarks, extractTerms, termMarks, type KeptTerm } from './terms.ts';
import type { Seed } from './seed-file.ts';
import type { Section } from './types.ts';

/** Fields whose value may come from the text when the frontmatter leaves them empty. */
const FROM_TEXT = ['author', 'editor', 'signedBy', 'source', 'date', 'dateKind'] as const;

function count(section: Section): { sections: number; paragraphs: number; characters: number } {
  let sections = section.level > 0 ? 1 : 0;
  let paragraphs = section.paragraphs.length;
  let characters = [...section.heading].length + section.paragraphs.reduce((n, p) => n + [...p.text].length, 0);
  for (const child of section.children) {
    const c = count(child);
    sections += c.sections;
    paragraphs += c.paragraphs;
    characters += c.characters;
  }
  return { sections, paragraphs, characters };
}

/**
 * Returns a record as the JSON text written to content/records/: one space of indentation, so
 * that a diff of content/ reads as a review of what the pipeline changed, and fast to write and
 * read for thousands of reports (YAML frontmatter was an order of magnitude slower).
 */
export function recordToJson(record: object): string {
  return JSON.stringify(record, null, 1) + '\n';
}

/** The hand-kept data the pipeline applies to every report. */
export interface PipelineData {
  domains: DomainRule[];
  /** The kept glossary (content/glossary.json); without it only quoted and box-defined terms are found. */
  glossary?: KeptTerm[];
}

/**
 * Returns the record of one report (content/records/<slug>.json), its JSON text, and the MDX text
 * of its body (content/reports/<slug>.mdx).
 * The record holds the seed's metadata, what was read from the text, the outline with every
 * paragraph, the chrome set aside and the original body for the source view.
 */
export function buildReport(seed: Seed, data: PipelineData): { record: Record<string, unknown>; json: string; mdx: string; unclassified: string[] } {
  const { meta } = seed;
  const structure = detectStructure(seed.body, seed.bodyLine, meta.titleStated ? meta.title : '');
  const unclassified = applyDomains(structure.root, data.domains);
  // After the domains, so every figure and first carries its paragraph's domains.
  const { figures, firsts } = extractFigures(structure.root, { report: seed.slug, jurisdiction: meta.jurisdiction });
  applyFigureMarks(structure.root, figures, firsts);
  const kept = data.glossary ?? [];
  const terms = extractTerms(structure.root, structure.glossary, kept);
  applyTermMarks(structure.root, termMarks(terms, kept));
  const fromText: Record<string, number> = {};
  const filled: Record<string, string> = {};
  for (const field of FROM_TEXT) {
    const own = field in meta ? (meta as unknown as Record<string, string>)[field] : '';
    const read = structure.meta[field];
    if (own) filled[field] = own;
    else if (read) {
      filled[field] = read;
      if (structure.meta.lines[field] !== undefined) fromText[field] = structure.meta.lines[field];
    } else filled[field] = '';
  }
  if (fromText.date !== undefined && !meta.dateKind && structure.meta.dateKind) fromText.dateKind = fromText.date;

  const record = {
    slug: seed.slug,
    title: meta.title,
    titleStated: meta.titleStated,
    jurisdiction: meta.jurisdiction,
    province: meta.province,
    level: meta.level,
    period: { ...meta.period, note: meta.periodNote },
    kind: meta.kind,
    publisher: meta.publisher,
    source: filled.source,
    url: meta.url,
    author: filled.author,
    editor: filled.editor,
    signedBy: filled.signedBy,
    date: filled.date,
    dateKind: filled.dateKind,
    fromText,
    seedFile: seed.file,
    stats: { ...count(structure.root), unclassified: unclassified.length },
    chrome: structure.chrome,
    glossary: structure.glossary,
    projects: structure.projects,
    places: structure.places,
    terms,
    figures,
    firsts,
    outline: structure.root,
    sourceText: seed.body,
    sourceFirstLine: seed.bodyLine,
  };
  return { record, json: recordToJson(record), mdx: mdastToMdx(reportToMdast({ slug: seed.slug }, structure.root)), unclassified };
}
