import { BOX_LABEL, DEFINITION, matchHeading, matchMarker, matchRunIn } from '../pipeline/2-structure/headings.ts';
import { readSeed, type SeedContext, type SeedMeta } from '../pipeline/1-read/seed-file.ts';
import { detectStructure } from '../pipeline/2-structure/structure.ts';
import type { SectionDraft as Section } from '../pipeline/draft.ts';

/**
 * Synthetic corpora for the benchmark (tools/bench.ts): seed files recombined from the real
 * seeds' text under invented jurisdictions and years. Each synthetic seed takes one real seed as
 * its base and keeps the base's frontmatter shape, opening lines and top-level sections with
 * their headings (a prefix of them, so numbering stays consecutive), so structure detection meets
 * the same heading styles, run-in headings, markers and chrome as in the real reports. Plain text
 * paragraphs are swapped for paragraphs of other seeds and their figures changed, so the search
 * index and the domain pages see varied text. Everything is drawn from a seeded PRNG: the same
 * count gives the same files, and a smaller corpus is a prefix of a larger one.
 */

/** A jurisdiction entry as content/jurisdictions.json holds it. */
export interface JurisdictionEntry {
  id: string;
  name: string;
  shortName: string;
  nameEn: string;
  province: string;
  level: string;
  levelEn: string;
  parent: { name: string; nameEn: string } | null;
  aliases: string[];
}

/** A real seed file: its slug (file name without .md) and its bytes. */
export interface SourceSeed {
  slug: string;
  bytes: Uint8Array;
}

/** A synthetic corpus: the new jurisdictions and the new seed files (slug → file text). */
export interface SyntheticCorpus {
  jurisdictions: JurisdictionEntry[];
  seeds: Array<{ slug: string; text: string }>;
}

/** Returns a PRNG (mulberry32) yielding floats in [0, 1) from a 32-bit seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Template {
  slug: string;
  meta: SeedMeta;
  jurisdiction: JurisdictionEntry;
  /** First year of the base period. */
  year: number;
  head: string[];
  sections: string[][];
  tail: string[];
}

/** Characters for invented place names, with their pinyin. */
const SYLLABLES: Array<[string, string]> = [
  ['安', 'an'], ['宁', 'ning'], ['平', 'ping'], ['泰', 'tai'], ['清', 'qing'], ['江', 'jiang'], ['河', 'he'], ['山', 'shan'],
  ['阳', 'yang'], ['远', 'yuan'], ['丰', 'feng'], ['华', 'hua'], ['昌', 'chang'], ['兴', 'xing'], ['源', 'yuan'], ['林', 'lin'],
  ['海', 'hai'], ['云', 'yun'], ['秀', 'xiu'], ['东', 'dong'], ['南', 'nan'], ['西', 'xi'], ['北', 'bei'], ['德', 'de'],
  ['福', 'fu'], ['和', 'he'], ['嘉', 'jia'], ['康', 'kang'], ['乐', 'le'], ['明', 'ming'], ['庆', 'qing'], ['瑞', 'rui'],
  ['盛', 'sheng'], ['顺', 'shun'], ['通', 'tong'], ['永', 'yong'], ['裕', 'yu'], ['湖', 'hu'], ['溪', 'xi'], ['桥', 'qiao'],
];
const PROVINCES = ['广东', '湖南', '浙江', '江苏', '四川', '湖北', '福建', '山东', '河南', '江西', '安徽', '广西'];
const LEVELS: Array<{ suffix: string; idSuffix: string; level: string; levelEn: string; district: boolean }> = [
  { suffix: '市', idSuffix: '', level: '地级市', levelEn: 'prefecture-level city', district: false },
  { suffix: '市', idSuffix: '', level: '县级市', levelEn: 'county-level city', district: false },
  { suffix: '区', idSuffix: '-qu', level: '市辖区', levelEn: 'city district', district: true },
  { suffix: '县', idSuffix: '-xian', level: '县', levelEn: 'county', district: false },
];
/** Aliases too generic to rewrite (新区 is any new area). */
const GENERIC_ALIASES = new Set(['新区']);
const YEAR = /(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)/g;
const FIGURE = /(?<![\d.．:：/\-])(\d{2,3})(?![\d.．:：/\-])/g;
const FIRST_YEAR = 2012;
const LAST_YEAR = 2024;

/** Returns the text with every year from 1950 to 2049 moved by `delta` years. */
function shiftYears(text: string, delta: number): string {
  return delta === 0 ? text : text.replace(YEAR, (y) => String(Number(y) + delta));
}

/** Returns the names of a jurisdiction that its text uses, longest first, each with its replacement kind. */
function namesOf(j: JurisdictionEntry): Array<{ text: string; full: boolean }> {
  const names = [{ text: j.name, full: true }, { text: j.shortName, full: false }, ...j.aliases.map((a) => ({ text: a, full: false }))];
  return names.filter((n) => n.text.length >= 2 && !GENERIC_ALIASES.has(n.text)).sort((a, b) => b.text.length - a.text.length);
}

/** Returns the text with one jurisdiction's names replaced by another's and its years moved. */
function rewrite(text: string, from: JurisdictionEntry, to: JurisdictionEntry, delta: number): string {
  let out = text;
  for (const n of namesOf(from)) out = out.split(n.text).join(n.full ? to.name : to.shortName);
  return shiftYears(out, delta);
}

/** Returns true for a line of plain running text that may be swapped without changing the outline. */
function isPlainText(line: string): boolean {
  const t = line.trim();
  return (
    t.length >= 40 &&
    matchHeading(t) === undefined &&
    matchMarker(t) === undefined &&
    matchRunIn(t, false) === undefined &&
    !BOX_LABEL.test(t) &&
    !DEFINITION.test(t)
  );
}

/** Returns the highest source line an outline section or its descendants use. */
function lastLine(section: Section): number {
  let last = section.lines[1];
  for (const p of section.paragraphs) last = Math.max(last, p.lines[1]);
  for (const c of section.children) last = Math.max(last, lastLine(c));
  return last;
}

/** Returns the checked seed of a source file, or throws naming its problems. */
function parseSource(source: SourceSeed, ctx: SeedContext) {
  const { seed, problems } = readSeed(`seeds/${source.slug}.md`, source.slug, source.bytes, ctx);
  if (!seed) throw new Error(`seed ${source.slug} does not read: ${problems.map((p) => p.message).join('; ')}`);
  return seed;
}

/** Returns a real seed cut into opening lines, top-level sections (heading and body lines) and closing lines. */
function template(source: SourceSeed, ctx: SeedContext, jurisdictions: JurisdictionEntry[]): Template {
  const seed = parseSource(source, ctx);
  // As buildReport reads it: a title that the text does not print is not looked for in the text.
  const structure = detectStructure(seed.body, seed.bodyLine, seed.meta.titleStated ? seed.meta.title : '');
  const lines = seed.body.replace(/\r?\n$/, '').split(/\r?\n/);
  const at = (line: number) => line - seed.bodyLine;
  const top = structure.root.children;
  const starts = top.map((s) => at(s.lines[0]));
  const end = top.length > 0 ? at(lastLine(structure.root)) + 1 : lines.length;
  const head = top.length > 0 ? lines.slice(0, starts[0]) : lines;
  const sections = starts.map((s, i) => lines.slice(s, i + 1 < starts.length ? starts[i + 1] : end));
  const tail = top.length > 0 ? lines.slice(end) : [];
  const jurisdiction = jurisdictions.find((j) => j.id === seed.meta.jurisdiction)!;
  return { slug: source.slug, meta: seed.meta, jurisdiction, year: Number(seed.meta.period.start.slice(0, 4)), head, sections, tail };
}

/** Returns a YAML frontmatter line; strings are written as JSON strings, which YAML reads as double-quoted scalars. */
function field(key: string, value: string | boolean): string {
  return `${key}: ${typeof value === 'boolean' ? String(value) : JSON.stringify(value)}`;
}

/** Returns an invented jurisdiction, unique among `taken` (names and ids). */
function inventJurisdiction(random: () => number, taken: Set<string>, cities: JurisdictionEntry[]): JurisdictionEntry {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  for (let attempt = 0; ; attempt++) {
    const length = attempt < 50 ? 2 : 3;
    const chars = Array.from({ length }, () => pick(SYLLABLES));
    const shortName = chars.map((c) => c[0]).join('');
    const pinyin = chars.map((c) => c[1]).join('');
    const level = pick(LEVELS);
    const id = pinyin + level.idSuffix;
    if (new Set(chars.map((c) => c[0])).size < length || taken.has(id) || taken.has(shortName)) continue;
    const parentCity = level.district && cities.length > 0 ? pick(cities) : undefined;
    if (level.district && !parentCity) continue;
    taken.add(id);
    taken.add(shortName);
    const nameEn = pinyin[0].toUpperCase() + pinyin.slice(1) + (level.district ? ' District' : level.level === '县' ? ' County' : '');
    return {
      id,
      name: shortName + level.suffix,
      shortName,
      nameEn: parentCity ? `${nameEn}, ${parentCity.nameEn}` : nameEn,
      province: parentCity?.province ?? pick(PROVINCES),
      level: level.level,
      levelEn: level.levelEn,
      parent: parentCity ? { name: parentCity.name, nameEn: parentCity.nameEn } : null,
      aliases: [shortName],
    };
  }
}

/**
 * Returns `count` synthetic seeds and the jurisdictions they name, recombined from the real seeds.
 * `jurisdictions` and `kinds` are the project's own (the real seeds must read against them);
 * `seed` picks the PRNG stream. The first n seeds of a larger corpus equal a corpus of n.
 */
export function syntheticCorpus(sources: SourceSeed[], ctx: SeedContext & { jurisdictions: JurisdictionEntry[] }, count: number, seed = 20240601): SyntheticCorpus {
  const random = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const templates = [...sources].sort((a, b) => a.slug.localeCompare(b.slug)).map((s) => template(s, ctx, ctx.jurisdictions));
  // Plain paragraphs of every seed's sections, each with the template it came from.
  const pool = templates.flatMap((t) => t.sections.flat().filter(isPlainText).map((line) => ({ line: line.trim(), from: t })));
  const taken = new Set<string>(ctx.jurisdictions.flatMap((j) => [j.id, j.shortName, ...j.aliases]));
  const jurisdictions: JurisdictionEntry[] = [];
  const seeds: SyntheticCorpus['seeds'] = [];
  const slugs = new Set<string>(sources.map((s) => s.slug));
  let current: { j: JurisdictionEntry; left: number; years: Set<number> } | undefined;

  while (seeds.length < count) {
    if (!current || current.left === 0) {
      const cities = jurisdictions.filter((j) => j.level === '地级市');
      const j = inventJurisdiction(random, taken, cities);
      jurisdictions.push(j);
      // Between one and six reports per jurisdiction, as a site collecting several years would have.
      current = { j, left: 1 + Math.floor(random() * 6), years: new Set() };
    }
    const base = pick(templates);
    const span = Number(base.meta.period.end.slice(0, 4)) - base.year;
    let year = 0;
    let slug = '';
    for (let attempt = 0; attempt < 40; attempt++) {
      year = FIRST_YEAR + Math.floor(random() * (LAST_YEAR - FIRST_YEAR + 1 - span));
      const rest = shiftYears(/(?:19|20)\d{2}.*$/.exec(base.slug)?.[0] ?? String(base.year), year - base.year);
      slug = `${current.j.id}-${rest}`;
      if (!slugs.has(slug)) break;
    }
    if (slugs.has(slug)) {
      current.left = 0;
      continue;
    }
    slugs.add(slug);
    current.left--;
    const delta = year - base.year;
    const to = current.j;
    const own = (text: string) => rewrite(text, base.jurisdiction, to, delta);
    // A prefix of the base's sections, at least 60 % of them, so numbering stays consecutive.
    const n = base.sections.length;
    const kept = base.sections.slice(0, Math.max(1, n - Math.floor(random() * Math.ceil(n * 0.4))));
    const body: string[] = [...base.head.map(own)];
    for (const section of kept) {
      for (const line of section) {
        if (!isPlainText(line)) {
          body.push(own(line));
          continue;
        }
        const indent = /^[\s\u00a0\u3000]*/.exec(line)![0];
        let text = own(line.trim());
        if (random() < 0.35) {
          const other = pick(pool);
          text = rewrite(other.line, other.from.jurisdiction, to, year - other.from.year);
        }
        // New figures, so each report's numbers differ: 2- and 3-digit numbers, never years.
        text = text.replace(FIGURE, (d) => (random() < 0.5 ? d : String(10 ** (d.length - 1) + Math.floor(random() * 9 * 10 ** (d.length - 1)))));
        body.push(indent + text);
      }
    }
    body.push(...base.tail.map(own));
    const m = base.meta;
    const date = m.date === '' ? '' : shiftYears(m.date, delta);
    const frontmatter = [
      field('title', own(m.title)),
      field('titleStated', m.titleStated),
      field('jurisdiction', to.id),
      field('province', to.province),
      field('level', to.level),
      field('period', shiftYears(m.period.raw, delta)),
      ...(m.periodNote ? [field('periodNote', own(m.periodNote))] : []),
      field('kind', m.kind),
      field('publisher', own(m.publisher)),
      field('source', own(m.source)),
      field('url', ''),
      field('author', own(m.author)),
      field('date', /-02-29$/.test(date) ? date.replace(/-29$/, '-28') : date),
      field('dateKind', m.dateKind),
    ];
    seeds.push({ slug, text: `---\n${frontmatter.join('\n')}\n---\n${body.join('\n')}\n` });
  }
  return { jurisdictions, seeds };
}
