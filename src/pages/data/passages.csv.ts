import type { APIRoute } from 'astro';
import { loadPassages } from '../../lib/passages.ts';
import { passageRecord } from '../../lib/passage-export.ts';
import { csvResponse, toCsv } from '../../lib/codebook.ts';

/** dist/data/passages.csv: the same rows as passages.json, lists joined with '; ' (columns: src/lib/codebook.ts). */
export const GET: APIRoute = async () => {
  const passages = await loadPassages();
  return csvResponse(toCsv('passages.csv', passages.map(passageRecord)));
};
