/**
 * The one walker of a report's outline. The pipeline (whose sections still hold their text) and
 * the site (which reads the stored record) both walk through it, so document order and the path
 * of headings are defined once.
 */

/** What the walker needs of a section: its level (0 for the root), paragraphs and subsections. */
export interface OutlineNode<P = unknown> {
  level: number;
  paragraphs: P[];
  children: OutlineNode<P>[];
}

/** Returns the sections of an outline in document order, the root (level 0) left out. */
export function* sectionsOf<S extends OutlineNode>(root: S): Generator<S> {
  for (const child of root.children as S[]) {
    yield child;
    yield* sectionsOf(child);
  }
}

/** A paragraph with the section it is in and the headings above it. */
export interface PlacedParagraph<S, P> {
  paragraph: P;
  /** The section the paragraph is in (the root for text before the first heading). */
  section: S;
  /** The sections from the top level down to `section`, root left out; empty before the first heading. */
  path: S[];
}

/** Returns every paragraph of an outline in document order, with its section and the path of sections above it. */
export function* paragraphsOf<S extends OutlineNode<P>, P>(root: S): Generator<PlacedParagraph<S, P>> {
  function* visit(section: S, path: S[]): Generator<PlacedParagraph<S, P>> {
    for (const paragraph of section.paragraphs) yield { paragraph, section, path };
    for (const child of section.children as S[]) yield* visit(child, [...path, child]);
  }
  yield* visit(root, []);
}

/** Returns a heading on one line, as lists and tables show it: a two-line heading joined after a dash, else with a space. */
export function headingLine(heading: string): string {
  return heading.replace(/——\n/g, '——').replace(/\n/g, ' ');
}

/** Returns every figure of an outline in document order, each with the id of its paragraph. */
export function figuresOf<P extends { id: string; figures: object[] }>(root: OutlineNode<P>): Array<P['figures'][number] & { paragraph: string }> {
  return [...paragraphsOf<OutlineNode<P>, P>(root)].flatMap(({ paragraph }) => paragraph.figures.map((f) => ({ ...f, paragraph: paragraph.id })));
}

/** Returns every claim of being first of an outline in document order, each with the id of its paragraph. */
export function firstsOf<P extends { id: string; firsts: object[] }>(root: OutlineNode<P>): Array<P['firsts'][number] & { paragraph: string }> {
  return [...paragraphsOf<OutlineNode<P>, P>(root)].flatMap(({ paragraph }) => paragraph.firsts.map((f) => ({ ...f, paragraph: paragraph.id })));
}
