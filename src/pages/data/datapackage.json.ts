import type { APIRoute } from 'astro';
import { columnsOf, toJson } from '../../downloads/dataset.ts';
import { FILES } from '../../downloads/index.ts';

/** dist/data/datapackage.json: a Frictionless Data Package descriptor of the CSV downloads, drawn from the datasets' row schemas. */
export const GET: APIRoute = () =>
  new Response(
    toJson({
      profile: 'tabular-data-package',
      name: 'gaige-duizhao',
      title: '改革对照:报告中的数字、“率先”表述与可比指标',
      licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 (the site\'s data; quoted report text belongs to its publishers)' }],
      resources: FILES.filter((f) => f.format === 'csv').map((f) => ({
        name: f.name,
        path: f.file,
        profile: 'tabular-data-resource',
        title: f.title,
        description: f.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8-sig',
        schema: { fields: columnsOf(f.dataset).map((c) => ({ name: c.name, type: c.type, description: c.description })) },
      })),
    }),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
