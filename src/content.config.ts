import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { domainGroupSchema, domainSchema } from './schemas/domain.ts';
import { glossaryTermSchema } from './schemas/glossary.ts';
import { indicatorSchema } from './schemas/indicator.ts';
import { jurisdictionSchema } from './schemas/jurisdiction.ts';
import { kindSchema } from './schemas/kind.ts';
import { reportBodySchema, reportSchema } from './schemas/report.ts';

/** Returns the entries with their position in the file, which collections do not keep. */
function withOrder(entries: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return entries.map((entry, order) => ({ ...entry, order }));
}

export const collections = {
  // A report is two generated files: the MDX body to render, and the JSON record of everything extracted.
  reports: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/reports' }), schema: reportBodySchema }),
  records: defineCollection({ loader: glob({ pattern: '*.json', base: './content/records' }), schema: reportSchema }),
  jurisdictions: defineCollection({ loader: file('content/jurisdictions.json'), schema: jurisdictionSchema }),
  kinds: defineCollection({ loader: file('content/kinds.json'), schema: kindSchema }),
  indicators: defineCollection({ loader: file('content/indicators.json'), schema: indicatorSchema }),
  // content/domains.json holds the taxonomy: { groups: [...], domains: [...] }; the order in the file is kept.
  domains: defineCollection({ loader: file('content/domains.json', { parser: (text) => withOrder(JSON.parse(text).domains) }), schema: domainSchema }),
  domainGroups: defineCollection({ loader: file('content/domains.json', { parser: (text) => withOrder(JSON.parse(text).groups) }), schema: domainGroupSchema }),
  // content/glossary.json holds { terms: [...] }; each term is its own id (and the URL segment of its page).
  glossary: defineCollection({ loader: file('content/glossary.json', { parser: (text) => JSON.parse(text).terms.map((t: { term: string }) => ({ id: t.term, ...t })) }), schema: glossaryTermSchema }),
};
