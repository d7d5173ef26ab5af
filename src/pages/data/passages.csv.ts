import type { APIRoute } from 'astro';
import { loadPassages } from '../../lib/passages.ts';
import { PASSAGE_COLUMNS, passageRecord } from '../../lib/passage-export.ts';
import { toCsv } from '../../lib/csv.ts';

/** dist/data/passages.csv: the same rows as passages.json, lists joined with '; '. */
export const GET: APIRoute = async () => {
  const passages = await loadPassages();
  const rows = passages.map((p) => {
    const r = passageRecord(p);
    return PASSAGE_COLUMNS.map((c) => r[c]);
  });
  return new Response(toCsv([...PASSAGE_COLUMNS], rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
