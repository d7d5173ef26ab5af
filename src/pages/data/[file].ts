import type { APIRoute, GetStaticPaths } from 'astro';
import { FILES } from '../../downloads/index.ts';
import { toCsv, toJson } from '../../downloads/dataset.ts';

/** Every download under /data/ (figures.csv, terms.json, …), written from its dataset's rows (src/downloads/). */
export const getStaticPaths = (() => FILES.map((f) => ({ params: { file: f.file }, props: { f } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { f } = props as { f: (typeof FILES)[number] };
  const { dataset } = f;
  if (f.format === 'csv') return new Response(toCsv(dataset, await dataset.rows()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  return new Response(toJson(dataset.json ? await dataset.json() : await dataset.rows()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
