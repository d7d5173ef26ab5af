import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { domainGroupSchema, domainSchema } from './schemas/domain.ts';
import { jurisdictionSchema } from './schemas/jurisdiction.ts';
import { kindSchema } from './schemas/kind.ts';
import { reportSchema } from './schemas/report.ts';

/** Returns the entries with their position in the file, which collections do not keep. */
function withOrder(entries: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return entries.map((entry, order) => ({ ...entry, order }));
}

export const collections = {
  reports: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/reports' }), schema: reportSchema }),
  jurisdictions: defineCollection({ loader: file('content/jurisdictions.json'), schema: jurisdictionSchema }),
  kinds: defineCollection({ loader: file('content/kinds.json'), schema: kindSchema }),
  // content/domains.json holds the taxonomy: { groups: [...], domains: [...] }; the order in the file is kept.
  domains: defineCollection({ loader: file('content/domains.json', { parser: (text) => withOrder(JSON.parse(text).domains) }), schema: domainSchema }),
  domainGroups: defineCollection({ loader: file('content/domains.json', { parser: (text) => withOrder(JSON.parse(text).groups) }), schema: domainGroupSchema }),
};
