import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { paragraphTexts } from '../../model/body.ts';
import { taxonomySchema } from '../../model/schemas/domain.ts';
import { glossaryFileSchema } from '../../model/schemas/glossary-term.ts';
import { indicatorSchema } from '../../model/schemas/indicator.ts';
import { readSeed, type Seed, type SeedContext } from '../../pipeline/1-read/seed-file.ts';
import { detectStructure } from '../../pipeline/2-structure/structure.ts';
import { buildReport, type BuiltReport, type PipelineData } from '../../pipeline/build-report.ts';
import type { ReportStructure } from '../../pipeline/draft.ts';

/** The project's code: pipeline, model, fixtures. */
export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The project whose corpus the invariant tests check (its seeds/ and hand-kept content/*.json):
 * GAIGE_ROOT when set (as the pipeline reads it; tests/browser/any-corpus.test.ts points it at a
 * copy with reports added), else this project. Invariants must hold for any valid corpus here.
 */
export const PROJECT = process.env.GAIGE_ROOT ? resolve(process.env.GAIGE_ROOT) : ROOT;

/**
 * Byte-for-byte copies of the five founding seeds. Facts about those five reports (counts,
 * headings, figures, terms) are tested on these copies, never on seeds/, so adding a report to
 * seeds/ cannot break them. They are checked with this project's content/*.json.
 */
export const FOUNDING = join(ROOT, 'tests', 'fixtures', 'founding');

/** Returns the jurisdictions and kinds the seeds of a project are checked against. */
export function context(root = PROJECT): SeedContext {
  return {
    jurisdictions: JSON.parse(readFileSync(join(root, 'content', 'jurisdictions.json'), 'utf8')),
    kinds: JSON.parse(readFileSync(join(root, 'content', 'kinds.json'), 'utf8')),
  };
}

/** Returns the slugs of the seed files of a folder. */
function slugsIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.replace(/\.md$/, ''))
    .sort();
}

/** Reads and checks a seed file of a folder as the build reads it, with a project's data files. */
function readSeedIn(dir: string, slug: string, root: string): Seed {
  const { seed, problems } = readSeed(`seeds/${slug}.md`, slug, readFileSync(join(dir, `${slug}.md`)), context(root));
  if (!seed) throw new Error(problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  return seed;
}

/** Returns a seed of the project's seeds/ folder (PROJECT), read and checked as the build reads it. */
export function loadSeed(slug: string): Seed {
  return readSeedIn(join(PROJECT, 'seeds'), slug, PROJECT);
}

/** Returns the slugs of all seeds of the project (PROJECT): any number, any names. */
export function seedSlugs(): string[] {
  return slugsIn(join(PROJECT, 'seeds'));
}

/** Returns one of the five founding seeds, from its copy in tests/fixtures/founding/. */
export function loadFounding(slug: string): Seed {
  return readSeedIn(FOUNDING, slug, ROOT);
}

/** Returns the slugs of the five founding seeds (the copies in tests/fixtures/founding/). */
export function foundingSlugs(): string[] {
  return slugsIn(FOUNDING);
}

/** Returns the hand-kept data the pipeline applies (taxonomy, kept glossary, indicators), parsed as the content script parses it. */
export function pipelineData(root = PROJECT): PipelineData {
  const read = (name: string) => JSON.parse(readFileSync(join(root, 'content', name), 'utf8'));
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

/** Built reports by seed bytes and data: a founding copy and the same seed in seeds/ are built once. */
const builtCache = new Map<string, Built>();

function builtIn(dir: string, slug: string, root: string): Built {
  const hash = createHash('sha256').update(slug).update('\0').update(readFileSync(join(dir, `${slug}.md`)));
  for (const name of ['jurisdictions.json', 'kinds.json', 'domains.json', 'glossary.json', 'indicators.json']) hash.update(readFileSync(join(root, 'content', name)));
  const key = hash.digest('hex');
  let b = builtCache.get(key);
  if (!b) {
    b = build(readSeedIn(dir, slug, root), pipelineData(root));
    builtCache.set(key, b);
  }
  return b;
}

/** Returns a seed of the project's seeds/ (PROJECT) built once per test file. */
export function builtSeed(slug: string): Built {
  return builtIn(join(PROJECT, 'seeds'), slug, PROJECT);
}

/** Returns a founding seed (its copy in tests/fixtures/founding/) built once per test file. */
export function builtFounding(slug: string): Built {
  return builtIn(FOUNDING, slug, ROOT);
}

/**
 * Returns a temporary project for the content script to run in: the project's seeds (PROJECT) and
 * its hand-kept data files (content/*.json), or with `founding`, the five founding copies and this
 * project's data files, for tests that state facts about those five.
 */
export function scratchProject(options: { founding?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'gaige-content-'));
  const [seeds, root] = options.founding ? [FOUNDING, ROOT] : [join(PROJECT, 'seeds'), PROJECT];
  cpSync(seeds, join(dir, 'seeds'), { recursive: true });
  mkdirSync(join(dir, 'content'));
  // Every hand-kept data file goes along; generated content does not.
  for (const f of readdirSync(join(root, 'content')).filter((n) => n.endsWith('.json'))) cpSync(join(root, 'content', f), join(dir, 'content', f));
  return dir;
}

/** Runs the content script (what npm run content runs) in a project folder. */
export function runContent(dir: string, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(ROOT, 'pipeline', 'build-content.ts'), ...args], { cwd: dir, env: { ...process.env, GAIGE_ROOT: dir }, encoding: 'utf8' });
}
