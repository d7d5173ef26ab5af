import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readSeed, type Seed, type SeedContext } from '../../scripts/lib/seed-file.ts';
import type { PipelineData } from '../../scripts/lib/report.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Returns the jurisdictions and kinds the seeds are checked against. */
export function context(): SeedContext {
  return {
    jurisdictions: JSON.parse(readFileSync(join(ROOT, 'content', 'jurisdictions.json'), 'utf8')),
    kinds: JSON.parse(readFileSync(join(ROOT, 'content', 'kinds.json'), 'utf8')),
  };
}

/** Returns a seed of the project's seeds/ folder, read and checked as the build reads it. */
export function loadSeed(slug: string): Seed {
  const { seed, problems } = readSeed(`seeds/${slug}.md`, slug, readFileSync(join(ROOT, 'seeds', `${slug}.md`)), context());
  if (!seed) throw new Error(problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  return seed;
}

/** Returns the slugs of all seeds. */
export function seedSlugs(): string[] {
  return readdirSync(join(ROOT, 'seeds'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.replace(/\.md$/, ''))
    .sort();
}

/** Returns the hand-kept data the pipeline applies (the domain taxonomy and the kept glossary). */
export function pipelineData(): PipelineData {
  return {
    domains: JSON.parse(readFileSync(join(ROOT, 'content', 'domains.json'), 'utf8')).domains,
    glossary: JSON.parse(readFileSync(join(ROOT, 'content', 'glossary.json'), 'utf8')).terms,
  };
}
