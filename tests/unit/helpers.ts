import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { paragraphTexts } from '../../model/body.ts';
import { taxonomySchema } from '../../model/schemas/domain.ts';
import { glossaryFileSchema } from '../../model/schemas/glossary-term.ts';
import { indicatorSchema } from '../../model/schemas/indicator.ts';
import { readSeed, type Seed, type SeedContext } from '../../pipeline/1-read/seed-file.ts';
import { detectStructure } from '../../pipeline/2-structure/structure.ts';
import { buildReport, type BuiltReport, type PipelineData } from '../../pipeline/build-report.ts';
import type { ReportStructure } from '../../pipeline/draft.ts';

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

/** Returns the hand-kept data the pipeline applies (taxonomy, kept glossary, indicators), parsed as the content script parses it. */
export function pipelineData(): PipelineData {
  const read = (name: string) => JSON.parse(readFileSync(join(ROOT, 'content', name), 'utf8'));
  return {
    domains: taxonomySchema.parse(read('domains.json')).domains,
    glossary: glossaryFileSchema.parse(read('glossary.json')).terms,
    indicators: z.array(indicatorSchema).parse(read('indicators.json')),
  };
}

/** Returns the structure the pipeline detects in a seed (stage 2), drafts with their text. */
export function structureOf(seed: Seed): ReportStructure {
  return detectStructure(seed.body, seed.bodyLine, seed.meta.titleStated ? seed.meta.title : '');
}

/** A report as the content script builds it, with the paragraph texts read back from its MDX body. */
export type Built = BuiltReport & { texts: Map<string, string> };

/** Returns a report built from a seed, with its paragraph texts (by id) read back from the MDX body with the site's reader. */
export function build(seed: Seed, data: PipelineData = pipelineData()): Built {
  const built = buildReport(seed, data);
  return { ...built, texts: paragraphTexts(built.mdx) };
}

const builtSeeds = new Map<string, Built>();

/** Returns a seed of seeds/ built once per test file. */
export function builtSeed(slug: string): Built {
  let b = builtSeeds.get(slug);
  if (!b) {
    b = build(loadSeed(slug));
    builtSeeds.set(slug, b);
  }
  return b;
}

/** Returns a temporary project with the real seeds and the hand-kept data files (content/*.json), for the content script to run in. */
export function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gaige-content-'));
  cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  mkdirSync(join(dir, 'content'));
  // Every hand-kept data file goes along; generated content does not.
  for (const f of readdirSync(join(ROOT, 'content')).filter((n) => n.endsWith('.json'))) cpSync(join(ROOT, 'content', f), join(dir, 'content', f));
  return dir;
}

/** Runs the content script (what npm run content runs) in a project folder. */
export function runContent(dir: string, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(ROOT, 'pipeline', 'build-content.ts'), ...args], { cwd: dir, env: { ...process.env, GAIGE_ROOT: dir }, encoding: 'utf8' });
}
