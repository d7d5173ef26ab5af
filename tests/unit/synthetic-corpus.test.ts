// The benchmark's synthetic corpus (tools/synthetic-corpus.ts): deterministic, a smaller
// corpus is a prefix of a larger one, every file is a valid seed under valid jurisdictions, and
// the reports keep the heading structure of the real seeds they recombine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jurisdictionSchema } from '../../model/schemas/jurisdiction.ts';
import { readSeed } from '../../pipeline/1-read/seed-file.ts';
import { detectStructure } from '../../pipeline/2-structure/structure.ts';
import { syntheticCorpus, type JurisdictionEntry } from '../../tools/synthetic-corpus.ts';
import { FOUNDING, ROOT, context, foundingSlugs, loadFounding } from './helpers.ts';

// The generator is tested on the five founding reports (their copies in tests/fixtures/founding/).
const ctx = context(ROOT) as ReturnType<typeof context> & { jurisdictions: JurisdictionEntry[] };
const sources = foundingSlugs().map((slug) => ({ slug, bytes: readFileSync(join(FOUNDING, `${slug}.md`)) }));
const corpus = syntheticCorpus(sources, ctx, 40);

/** Returns the heading styles of the top-level sections of a seed body. */
function topStyles(body: string, bodyLine: number, title: string): string[] {
  return detectStructure(body, bodyLine, title).root.children.map((s) => s.style);
}

test('the same count gives the same corpus, and a smaller corpus is a prefix of a larger one', () => {
  assert.deepEqual(syntheticCorpus(sources, ctx, 40), corpus);
  const small = syntheticCorpus(sources, ctx, 12);
  assert.deepEqual(small.seeds, corpus.seeds.slice(0, 12));
  assert.deepEqual(small.jurisdictions, corpus.jurisdictions.slice(0, small.jurisdictions.length));
});

test('every synthetic file is a valid seed of a new, valid jurisdiction, with a unique slug', () => {
  assert.equal(corpus.seeds.length, 40);
  const all = { jurisdictions: [...ctx.jurisdictions, ...corpus.jurisdictions], kinds: ctx.kinds };
  for (const j of corpus.jurisdictions) {
    assert.ok(jurisdictionSchema.safeParse(j).success, `invalid jurisdiction ${JSON.stringify(j)}`);
    assert.ok(!ctx.jurisdictions.some((r) => r.id === j.id || r.shortName === j.shortName), `${j.id} repeats a real jurisdiction`);
  }
  assert.equal(new Set(corpus.jurisdictions.map((j) => j.id)).size, corpus.jurisdictions.length);
  const slugs = new Set(sources.map((s) => s.slug));
  for (const s of corpus.seeds) {
    assert.ok(!slugs.has(s.slug), `slug ${s.slug} repeats`);
    slugs.add(s.slug);
    const { seed, problems } = readSeed(`seeds/${s.slug}.md`, s.slug, Buffer.from(s.text), all);
    assert.deepEqual(problems, [], s.slug);
    assert.ok(corpus.jurisdictions.some((j) => j.id === seed!.meta.jurisdiction));
    assert.ok(s.slug.startsWith(`${seed!.meta.jurisdiction}-`));
  }
});

test('synthetic reports keep the top-level heading styles of a real seed and vary in text', () => {
  const real = foundingSlugs().map((slug) => {
    const seed = loadFounding(slug);
    return topStyles(seed.body, seed.bodyLine, seed.meta.titleStated ? seed.meta.title : '');
  });
  const kinds = new Set<string>();
  for (const s of corpus.seeds) {
    const { seed } = readSeed(`seeds/${s.slug}.md`, s.slug, Buffer.from(s.text), { jurisdictions: [...ctx.jurisdictions, ...corpus.jurisdictions], kinds: ctx.kinds });
    kinds.add(seed!.meta.kind);
    const styles = topStyles(seed!.body, seed!.bodyLine, seed!.meta.titleStated ? seed!.meta.title : '');
    assert.ok(styles.length > 0, `${s.slug} has no sections`);
    // A prefix of the base seed's sections: the same styles in the same order, at least 60 % of them.
    assert.ok(
      real.some((r) => styles.length >= Math.floor(r.length * 0.6) && styles.every((st, i) => st === r[i])),
      `${s.slug}: top-level styles ${styles.join(',')} match no real seed`,
    );
  }
  assert.equal(kinds.size, 5, 'all five kinds of report appear');
  const bodies = new Set(corpus.seeds.map((s) => s.text.slice(s.text.indexOf('\n---\n'))));
  assert.equal(bodies.size, corpus.seeds.length, 'two synthetic reports have the same text');
});
