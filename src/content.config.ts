import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { jurisdictionSchema } from './schemas/jurisdiction.ts';
import { kindSchema } from './schemas/kind.ts';
import { reportSchema } from './schemas/report.ts';

export const collections = {
  reports: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/reports' }), schema: reportSchema }),
  jurisdictions: defineCollection({ loader: file('content/jurisdictions.json'), schema: jurisdictionSchema }),
  kinds: defineCollection({ loader: file('content/kinds.json'), schema: kindSchema }),
};
