import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { paragraphTexts } from '../../model/body.ts';
import { keywordsIn } from '../../model/keywords.ts';
import { paragraphsOf, sectionsOf, headingLine } from '../../model/outline.ts';
import { comparePinyin, compareReports } from '../../model/order.ts';
import type { Coverage, IndicatorValue, TermIndexEntry } from '../../model/schemas/corpus.ts';
import type { DocumentKind } from '../../model/schemas/document-kind.ts';
import type { Domain, DomainGroup, DomainTag } from '../../model/schemas/domain.ts';
import type { Figure } from '../../model/schemas/figure.ts';
import type { First } from '../../model/schemas/first.ts';
import type { GlossaryTerm } from '../../model/schemas/glossary-term.ts';
import type { Indicator } from '../../model/schemas/indicator.ts';
import type { Jurisdiction } from '../../model/schemas/jurisdiction.ts';
import { isNoise, type Paragraph, type ParagraphRole } from '../../model/schemas/paragraph.ts';
import type { ReportRecord } from '../../model/schemas/report.ts';
import type { Section } from '../../model/schemas/section.ts';
import { measureOf, numeralOf } from '../../model/units.ts';
import { indicatorUrl, reportUrl, termUrl } from '../../model/urls.ts';
import { sentenceSpan } from '../../model/zh.ts';

/**
 * The site's one loader. It reads the content collections once per build (the pipeline's records,
 * bodies and corpus facts, and the hand-kept data), resolves every reference, and indexes the
 * result; pages and downloads only select from it. Views that need the report text (passages,
 * figures with their sentences, concordances) read it from the MDX bodies, once per report.
 */

/** A report with its jurisdiction and kind resolved. */
export interface ReportView {
  slug: string;
  /** The record: metadata, outline, positions, findings. */
  record: ReportRecord;
  /** The MDX body, for render(). */
  entry: CollectionEntry<'reports'>;
  jurisdiction: Jurisdiction;
  kind: DocumentKind;
  /** The printed title, or a descriptive title in brackets when the document states none. */
  displayTitle: string;
  /** 中山 2018年: the report in charts and tables. */
  label: string;
  url: string;
}

/** A jurisdiction that has reports, with them (site order) and what they cover. */
export interface JurisdictionView {
  jurisdiction: Jurisdiction;
  reports: ReportView[];
  coverage: Coverage;
}

/** A domain tag with the words that explain it: the deciding heading, the run-in heading, or the keywords found. */
export type TagView = DomainTag & { evidence: string[] };

/** One passage (paragraph) of a report with where it stands and the domains it is filed under. */
export interface Passage {
  report: ReportView;
  /** The nearest section, or undefined for text before the first heading. */
  section?: Section;
  /** Headings from the top section down to the nearest, each on one line. */
  path: string[];
  id: string;
  role: ParagraphRole;
  text: string;
  domains: TagView[];
  /** Set when the paragraph is flagged as possible noise (see model/schemas/paragraph.ts). */
  noise?: Paragraph['noise'];
}

/** A figure with where it is and what it says, read from its paragraph's text. */
export interface FigureView extends Figure {
  report: ReportView;
  paragraph: string;
  section: string;
  /** The figure as printed: 115项, 由20.7天缩短至5天. */
  text: string;
  sentence: string;
  /** The words it quantifies. */
  words: string;
  measure: ReturnType<typeof measureOf>;
  numeral: ReturnType<typeof numeralOf>;
  /** Domain ids of its paragraph. */
  domains: string[];
  /** Its mark on the report page. */
  href: string;
}

/** A claim of being first with where it is and its sentence. */
export interface FirstView extends First {
  report: ReportView;
  paragraph: string;
  section: string;
  text: string;
  sentence: string;
  domains: string[];
  href: string;
}

/** An indicator value with its report and figure resolved. */
export interface ValueView extends Omit<IndicatorValue, 'report'> {
  report: ReportView;
  /** The figure the value is; absent for a count of firsts. */
  figureView?: FigureView;
  /** As printed (115项, 由20.7天缩短至5天), or the count of firsts with 处. */
  text: string;
  /** Where the value's sentence is: the figure's mark, or the list of firsts on the indicator page. */
  href: string;
}

/** One occurrence of a term in context. */
export interface ConcordanceLine {
  report: ReportView;
  /** Paragraph id, or section id for a heading. */
  anchor: string;
  href: string;
  before: string;
  match: string;
  after: string;
  inHeading: boolean;
  section: string;
  paragraph?: string;
  start: number;
  end: number;
}

/** A term with a page: its glossary entry if kept, its domain, the reports' own definitions and every occurrence by jurisdiction. */
export interface TermView {
  term: string;
  slug: string;
  href: string;
  kept?: GlossaryTerm;
  domain?: Domain;
  domainInferred: boolean;
  reportDefinitions: Array<{ report: ReportView; definition: string; href: string }>;
  /** Every jurisdiction with reports, in site order, with the term's lines there (possibly none). */
  uses: Array<{ jurisdiction: Jurisdiction; lines: ConcordanceLine[] }>;
  occurrences: number;
  jurisdictionCount: number;
}

/** Everything the pages read, loaded once per build. */
export interface Site {
  /** Reports in site order: jurisdiction in pinyin, then period, then slug. */
  reports: ReportView[];
  report: (slug: string) => ReportView;
  /** Jurisdictions with reports, in site order. */
  jurisdictions: JurisdictionView[];
  /** Domains and groups in the taxonomy's order. */
  domains: Domain[];
  groups: DomainGroup[];
  domain: (id: string) => Domain | undefined;
  /** Indicators in content/indicators.json order. */
  indicators: Indicator[];
  /** The kept glossary. */
  glossary: GlossaryTerm[];
  /** Every term with a page (corpus term index), with its glossary entry. */
  termIndex: TermIndexEntry[];
  /** Passages (paragraphs without glossary-box labels) and how many no domain caught. */
  totals: { passages: number; unclassified: number };
}

const orderable = (r: ReportView) => ({ jurisdictionName: r.jurisdiction.name, periodStart: r.record.period.start, slug: r.slug });

/**
 * Returns the descriptive title used when a document states no title of its own: [湘潭市2017年改革工作总结],
 * [湘潭市约2018年改革会议报道]; a period the text does not state is left out rather than guessed
 * (periodLabel '': [湘潭市改革督察报道]).
 */
export function suppliedTitle(jurisdiction: Jurisdiction, periodLabel: string, kind: DocumentKind): string {
  return `[${jurisdiction.name}${periodLabel}${kind.titleNoun}]`;
}

let site: Promise<Site> | undefined;

/** Returns the site's data, loaded and indexed once. */
export function loadSite(): Promise<Site> {
  site ??= build();
  return site;
}

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

async function build(): Promise<Site> {
  const [bodies, records, jurisdictions, kinds, domains, groups, indicators, glossary, coverage, termIndex] = await Promise.all([
    getCollection('reports'),
    getCollection('records'),
    getCollection('jurisdictions'),
    getCollection('kinds'),
    getCollection('domains'),
    getCollection('domainGroups'),
    getCollection('indicators'),
    getCollection('glossary'),
    getCollection('coverage'),
    getCollection('termIndex'),
  ]);
  const bodyBySlug = new Map(bodies.map((b) => [b.data.slug, b]));
  const jById = new Map(jurisdictions.map((j) => [j.data.id, j.data]));
  const kById = new Map(kinds.map((k) => [k.data.id, k.data]));
  const reports = records
    .map(({ data: record }): ReportView => {
      const entry = bodyBySlug.get(record.slug);
      const jurisdiction = jById.get(record.jurisdiction);
      const kind = kById.get(record.kind);
      if (!entry) throw new Error(`content/reports/${record.slug}.mdx is missing: run npm run content`);
      if (!jurisdiction) throw new Error(`${record.seedFile}: unknown jurisdiction ${record.jurisdiction}`);
      if (!kind) throw new Error(`${record.seedFile}: unknown kind ${record.kind}`);
      const displayTitle = record.titleStated ? record.title : suppliedTitle(jurisdiction, record.period.precision === 'unstated' ? '' : record.period.label, kind);
      return { slug: record.slug, record, entry, jurisdiction, kind, displayTitle, label: `${jurisdiction.shortName} ${record.period.label}`, url: reportUrl(record.slug) };
    })
    .sort((a, b) => compareReports(orderable(a), orderable(b)));
  const bySlug = new Map(reports.map((r) => [r.slug, r]));
  const coverageById = new Map(coverage.map((c) => [c.data.id, c.data]));
  const jurisdictionViews: JurisdictionView[] = [];
  for (const r of reports) {
    if (jurisdictionViews.some((j) => j.jurisdiction.id === r.jurisdiction.id)) continue;
    jurisdictionViews.push({ jurisdiction: r.jurisdiction, reports: reports.filter((x) => x.jurisdiction.id === r.jurisdiction.id), coverage: coverageById.get(r.jurisdiction.id)! });
  }
  const domainList = domains.map((d) => d.data).sort(byOrder);
  const domainById = new Map(domainList.map((d) => [d.id, d]));
  const indicatorOrder = await import('../../content/indicators.json').then((m) => (m.default as Array<{ id: string }>).map((i) => i.id));
  return {
    reports,
    report: (slug) => {
      const r = bySlug.get(slug);
      if (!r) throw new Error(`no report ${slug}`);
      return r;
    },
    jurisdictions: jurisdictionViews,
    domains: domainList,
    groups: groups.map((g) => g.data).sort(byOrder),
    domain: (id) => domainById.get(id),
    indicators: indicators.map((i) => i.data).sort((a, b) => indicatorOrder.indexOf(a.id) - indicatorOrder.indexOf(b.id)),
    glossary: glossary.map((g) => g.data),
    termIndex: termIndex.map((t) => t.data).sort(byOrder),
    totals: { passages: coverage.reduce((n, c) => n + c.data.passages, 0), unclassified: coverage.reduce((n, c) => n + c.data.unclassified, 0) },
  };
}

const texts = new Map<string, Map<string, string>>();

/** Returns the text of every paragraph of a report, by paragraph id, read once from its MDX body. */
export function reportTexts(report: ReportView): Map<string, string> {
  let t = texts.get(report.slug);
  if (!t) {
    t = paragraphTexts(report.entry.body ?? '');
    texts.set(report.slug, t);
  }
  return t;
}

/** Returns the text of one paragraph. */
export function paragraphText(report: ReportView, id: string): string {
  const text = reportTexts(report).get(id);
  if (text === undefined) throw new Error(`${report.record.seedFile}: paragraph ${id} is in the record but not in content/reports/${report.slug}.mdx: run npm run content`);
  return text;
}

/** Returns the words that explain a domain tag of a paragraph. */
function evidenceOf(tag: DomainTag, paragraph: Paragraph, text: string, sections: Map<string, Section>, domain: (id: string) => Domain | undefined): string[] {
  if (tag.via === 'heading') return [(sections.get(tag.section)?.heading ?? '').replace(/\n/g, '')];
  if (tag.via === 'run-in') return paragraph.runIn ? [text.slice(...paragraph.runIn)] : [];
  return keywordsIn(text, domain(tag.domain)?.keywords ?? []);
}

let allPassages: Promise<Passage[]> | undefined;

/** Returns every passage of every report (glossary-box labels left out), flagged ones included, in site order: for the review page. */
export function loadAllPassages(): Promise<Passage[]> {
  allPassages ??= loadSite().then((s) =>
    s.reports.flatMap((report) => {
      const { sections } = reportIndex(report);
      return [...paragraphsOf<Section, Paragraph>(report.record.outline)]
        .filter(({ paragraph }) => paragraph.role !== 'box-label')
        .map(({ paragraph, section, path }): Passage => {
          const text = paragraphText(report, paragraph.id);
          return {
            report,
            section: section.level > 0 ? section : undefined,
            path: path.map((p) => headingLine(p.heading)),
            id: paragraph.id,
            role: paragraph.role,
            text,
            domains: paragraph.domains.map((tag) => ({ ...tag, evidence: evidenceOf(tag, paragraph, text, sections, s.domain) })),
            ...(paragraph.noise ? { noise: paragraph.noise } : {}),
          };
        });
    }),
  );
  return allPassages;
}

let passages: Promise<Passage[]> | undefined;

/** Returns the passages the comparisons use: every passage but those set aside as noise (flagged and not cleared). */
export function loadPassages(): Promise<Passage[]> {
  passages ??= loadAllPassages().then((all) => all.filter((p) => !isNoise(p)));
  return passages;
}

/** Returns how a tag was found, in Chinese, for showing beside a passage. */
export function evidenceLabel(tag: TagView): string {
  if (tag.via === 'heading') return `所在标题“${tag.evidence[0]}”`;
  if (tag.via === 'run-in') return `段首小标题“${tag.evidence[0]}”`;
  return `关键词:${tag.evidence.join('、')}`;
}

let findings: Promise<{ figures: FigureView[]; firsts: FirstView[] }> | undefined;

/** Returns every figure and first of every report, in site order, each with its sentence. */
export function loadFindings(): Promise<{ figures: FigureView[]; firsts: FirstView[] }> {
  findings ??= loadSite().then((s) => {
    const figures: FigureView[] = [];
    const firsts: FirstView[] = [];
    for (const report of s.reports) {
      for (const { paragraph, section } of paragraphsOf<Section, Paragraph>(report.record.outline)) {
        // Text set aside as noise gives no figures or firsts to compare.
        if (isNoise(paragraph)) continue;
        const text = paragraph.figures.length + paragraph.firsts.length > 0 ? paragraphText(report, paragraph.id) : '';
        const where = { report, paragraph: paragraph.id, section: section.id, domains: paragraph.domains.map((t) => t.domain) };
        const sentence = (at: [number, number]) => text.slice(...sentenceSpan(text, at[0], at[1]));
        for (const f of paragraph.figures) {
          const printed = text.slice(...f.at);
          figures.push({ ...f, ...where, text: printed, sentence: sentence(f.at), words: text.slice(...f.phrase), measure: measureOf(f.unit), numeral: numeralOf(printed, f.unit), href: reportUrl(report.slug, f.id) });
        }
        for (const f of paragraph.firsts) firsts.push({ ...f, ...where, text: text.slice(...f.at), sentence: sentence(f.at), href: reportUrl(report.slug, f.id) });
      }
    }
    return { figures, firsts };
  });
  return findings;
}

/** Returns the firsts that count (restatements left out). */
export function countedFirsts<T extends { repeatOf?: string }>(firsts: T[]): T[] {
  return firsts.filter((f) => !f.repeatOf);
}

/** Returns the anchor of a report's list of firsts on the firsts indicator page. */
export function firstsAnchor(report: string): string {
  return `firsts-${report}`;
}

let values: Promise<ValueView[]> | undefined;

/** Returns every indicator value (content/corpus/indicator-values.json) with its report and figure resolved. */
export function loadValues(): Promise<ValueView[]> {
  values ??= Promise.all([loadSite(), loadFindings(), getCollection('indicatorValues')]).then(([s, { figures }, entries]) => {
    const figureById = new Map(figures.map((f) => [`${f.report.slug}\u0000${f.id}`, f]));
    return entries.map((e) => e.data).sort(byOrder).map((v): ValueView => {
      const report = s.report(v.report);
      const figureView = v.figure ? figureById.get(`${v.report}\u0000${v.figure}`) : undefined;
      return {
        ...v,
        report,
        figureView,
        text: figureView ? figureView.text : `${v.value}${v.unit}`,
        href: figureView ? figureView.href : indicatorUrl(v.indicator, firstsAnchor(v.report)),
      };
    });
  });
  return values;
}

/** Characters of context shown on each side of a term in a concordance line. */
const CONTEXT = 22;

/** Text without the line breaks of the source layout (lines of Chinese text join without a space). */
function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, '');
}

let terms: Promise<TermView[]> | undefined;

/** Returns every term with a page, sorted by pinyin, with its occurrences by jurisdiction. */
export function loadTerms(): Promise<TermView[]> {
  terms ??= loadSite().then((s) => {
    const keptByTerm = new Map(s.glossary.map((g) => [g.term, g]));
    const views = s.termIndex.map((entry): TermView => {
      const uses = s.jurisdictions.map((j) => ({ jurisdiction: j.jurisdiction, lines: [] as ConcordanceLine[] }));
      const reportDefinitions: TermView['reportDefinitions'] = [];
      for (const slug of entry.reports) {
        const report = s.report(slug);
        const t = report.record.terms.find((x) => x.term === entry.id)!;
        const { sections } = reportIndex(report);
        const use = uses.find((u) => u.jurisdiction.id === report.jurisdiction.id)!;
        for (const o of t.occurrences) {
          const heading = sections.get(o.anchor);
          const text = heading ? heading.heading : paragraphText(report, o.anchor);
          const [start, end] = o.at;
          use.lines.push({
            report,
            anchor: o.anchor,
            href: reportUrl(report.slug, o.anchor),
            before: flat(text.slice(0, start)).slice(-CONTEXT),
            match: text.slice(start, end),
            after: flat(text.slice(end)).slice(0, CONTEXT),
            inHeading: Boolean(heading),
            section: heading ? heading.id : reportIndex(report).paragraphs.get(o.anchor)!.section.id,
            paragraph: heading ? undefined : o.anchor,
            start,
            end,
          });
        }
        if (t.definedIn) reportDefinitions.push({ report, definition: paragraphText(report, t.definedIn), href: reportUrl(report.slug, t.definedIn) });
      }
      return {
        term: entry.id,
        slug: entry.slug,
        href: termUrl(entry.slug),
        kept: keptByTerm.get(entry.id),
        domain: entry.domain ? s.domain(entry.domain) : undefined,
        domainInferred: entry.domainInferred,
        reportDefinitions,
        uses,
        occurrences: entry.occurrences,
        jurisdictionCount: uses.filter((u) => u.lines.length > 0).length,
      };
    });
    return views.sort((a, b) => comparePinyin(a.term, b.term) || (a.term < b.term ? -1 : 1));
  });
  return terms;
}

/** A report's parts by id: its paragraphs (with their sections), sections, figures and firsts. */
export interface ReportIndex {
  paragraphs: Map<string, { paragraph: Paragraph; section: Section }>;
  sections: Map<string, Section>;
  findings: Map<string, { figure?: Figure; first?: First }>;
}

const indexes = new Map<string, ReportIndex>();

/** Returns a report's parts by id, built once per report. */
export function reportIndex(report: ReportView): ReportIndex {
  let index = indexes.get(report.slug);
  if (!index) {
    index = { paragraphs: new Map(), sections: new Map(), findings: new Map() };
    for (const section of sectionsOf(report.record.outline)) index.sections.set(section.id, section);
    for (const { paragraph, section } of paragraphsOf<Section, Paragraph>(report.record.outline)) {
      index.paragraphs.set(paragraph.id, { paragraph, section });
      for (const figure of paragraph.figures) index.findings.set(figure.id, { figure });
      for (const first of paragraph.firsts) index.findings.set(first.id, { first });
    }
    indexes.set(report.slug, index);
  }
  return index;
}

/** Returns getStaticPaths entries for pages that exist once per report: params { slug }, props { report }. */
export async function reportPaths() {
  const { reports } = await loadSite();
  return reports.map((report) => ({ params: { slug: report.slug }, props: { report } }));
}

/**
 * Returns the lines of a report's body as the seed file stores them, each with its line number in
 * the file: the source view shows the original from the seed itself, the one copy of it.
 */
export function sourceLines(report: ReportView): Array<{ n: number; raw: string }> {
  const text = readFileSync(join(process.cwd(), report.record.seedFile), 'utf8');
  return text
    .split('\n')
    .slice(report.record.bodyLine - 1)
    .map((raw, i) => ({ n: report.record.bodyLine + i, raw: raw.replace(/\r$/, '') }));
}

/** Returns the sections of a report in document order (root left out). */
export function sectionList(report: ReportView): Section[] {
  return [...reportIndex(report).sections.values()];
}
