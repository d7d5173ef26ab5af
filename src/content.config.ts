import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { coverageSchema, indicatorValueSchema, termIndexEntrySchema } from '../model/schemas/corpus.ts';
import { documentKindSchema } from '../model/schemas/document-kind.ts';
import { domainGroupSchema, domainSchema } from '../model/schemas/domain.ts';
import { glossaryTermSchema } from '../model/schemas/glossary-term.ts';
import { indicatorSchema } from '../model/schemas/indicator.ts';
import { jurisdictionSchema } from '../model/schemas/jurisdiction.ts';
import { reportBodySchema, reportSchema } from '../model/schemas/report.ts';

// Wires each collection to its loader and its schema in model/, the same schemas the pipeline
// validates its output with. Collections keep no order, so the entries of a JSON file get their
// position in it (content/domains.json and the corpus files are in the order pages list them).
const withOrder = (entries: Array<Record<string, unknown>>) => entries.map((entry, order) => ({ ...entry, order }));
const ordered = { order: z.number().int() };

export const collections = {
  // A report is the MDX body (its text) and the JSON record (everything else), both generated.
  reports: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/reports' }), schema: reportBodySchema }),
  records: defineCollection({ loader: glob({ pattern: '*.json', base: './content/records' }), schema: reportSchema }),
  // Facts about the whole corpus, generated after every report.
  coverage: defineCollection({ loader: file('content/corpus/coverage.json', { parser: (text) => withOrder(JSON.parse(text)) }), schema: coverageSchema.extend(ordered) }),
  termIndex: defineCollection({ loader: file('content/corpus/terms.json', { parser: (text) => withOrder(JSON.parse(text)) }), schema: termIndexEntrySchema.extend(ordered) }),
  indicatorValues: defineCollection({ loader: file('content/corpus/indicator-values.json', { parser: (text) => withOrder(JSON.parse(text)) }), schema: indicatorValueSchema.extend(ordered) }),
  // Hand-kept data.
  jurisdictions: defineCollection({ loader: file('content/jurisdictions.json'), schema: jurisdictionSchema }),
  kinds: defineCollection({ loader: file('content/kinds.json'), schema: documentKindSchema }),
  indicators: defineCollection({ loader: file('content/indicators.json'), schema: indicatorSchema }),
  domains: defineCollection({ loader: file('content/domains.json', { parser: (text) => withOrder(JSON.parse(text).domains) }), schema: domainSchema.extend(ordered) }),
  domainGroups: defineCollection({ loader: file('content/domains.json', { parser: (text) => withOrder(JSON.parse(text).groups) }), schema: domainGroupSchema.extend(ordered) }),
  // content/glossary.json holds { terms: [...] }; each term is its own id (and the URL segment of its page).
  glossary: defineCollection({ loader: file('content/glossary.json', { parser: (text) => JSON.parse(text).terms.map((t: { term: string }) => ({ id: t.term, ...t })) }), schema: glossaryTermSchema }),
};
