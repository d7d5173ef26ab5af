import type { APIRoute } from 'astro';
import { loadPassages } from '../../lib/passages.ts';
import { passageRecord } from '../../lib/passage-export.ts';

/** dist/data/passages.json: every passage with its report, anchor, section, domains, evidence and text. */
export const GET: APIRoute = async () => {
  const passages = await loadPassages();
  const body = passages.map((p) => ({ ...passageRecord(p), domains: p.domains.map((t) => t.domain), evidence: p.domains }));
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
