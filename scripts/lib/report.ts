import { applyDomains, type DomainRule } from './domains.ts';
import { detectStructure } from './structure.ts';
import { mdastToMdx, reportToMdast } from './mdx.ts';
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

/** The hand-kept data the pipeline applies to every report. */
export interface PipelineData {
  domains: DomainRule[];
}

/**
 * Returns the record of one report (the generated MDX file's frontmatter) and the MDX text.
 * The record holds the seed's metadata, what was read from the text, the outline with every
 * paragraph, the chrome set aside and the original body for the source view.
 */
export function buildReport(seed: Seed, data: PipelineData): { record: Record<string, unknown>; mdx: string; unclassified: string[] } {
  const { meta } = seed;
  const structure = detectStructure(seed.body, seed.bodyLine, meta.titleStated ? meta.title : '');
  const unclassified = applyDomains(structure.root, data.domains);
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
    outline: structure.root,
    sourceText: seed.body,
    sourceFirstLine: seed.bodyLine,
  };
  return { record, mdx: mdastToMdx(reportToMdast(record, structure.root)), unclassified };
}
