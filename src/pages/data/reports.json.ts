import type { APIRoute } from 'astro';
import { loadReports } from '../../lib/reports.ts';
import type { OutlineSection } from '../../schemas/report.ts';

interface ExportSection {
  id: string;
  level: number;
  number: string | null;
  heading: string;
  title: string;
  paragraphs: Array<{ id: string; kind: string; text: string }>;
  sections: ExportSection[];
}

function exportSection(s: OutlineSection): ExportSection {
  return {
    id: s.id,
    level: s.level,
    number: s.number ?? null,
    heading: s.heading,
    title: s.title,
    paragraphs: s.paragraphs.map((p) => ({ id: p.id, kind: p.kind, text: p.text })),
    sections: s.children.map(exportSection),
  };
}

/** dist/data/reports.json: each report's metadata and its section tree with every paragraph. */
export const GET: APIRoute = async () => {
  const reports = await loadReports();
  const body = reports.map(({ data, jurisdiction, kind, displayTitle }) => ({
    slug: data.slug,
    url: `/reports/${data.slug}/`,
    title: data.title,
    displayTitle,
    titleStated: data.titleStated,
    jurisdiction: { id: jurisdiction.id, name: jurisdiction.name, nameEn: jurisdiction.nameEn, province: jurisdiction.province, level: jurisdiction.level, parent: jurisdiction.parent?.name ?? null },
    period: { start: data.period.start, end: data.period.end, label: data.period.label, note: data.period.note },
    kind: { id: kind.id, name: kind.name, nameEn: kind.nameEn },
    publisher: data.publisher,
    source: data.source,
    url_original: data.url,
    author: data.author,
    editor: data.editor,
    signedBy: data.signedBy,
    date: data.date,
    dateKind: data.dateKind,
    stats: data.stats,
    chrome: data.chrome,
    glossary: data.glossary,
    projects: data.projects,
    places: data.places,
    preamble: data.outline.paragraphs.map((p) => ({ id: p.id, kind: p.kind, text: p.text })),
    sections: data.outline.children.map(exportSection),
  }));
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
