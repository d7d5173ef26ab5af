import type { APIRoute } from 'astro';
import { loadDomains } from '../../lib/passages.ts';

/** dist/data/domains.json: the reform-domain taxonomy with its groups and classification rules. */
export const GET: APIRoute = async () => {
  const { domains, groups } = await loadDomains();
  return new Response(JSON.stringify({ groups, domains }, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
