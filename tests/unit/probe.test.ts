// The probe corpus (tests/fixtures/probe/): fixture reports in every shape of LAYOUTS.md, built with
// the real pipeline. Every fixture must read and satisfy the invariants of any valid report; the
// committed TABLE.md must be what the pipeline makes of them now, so a change that makes a probe
// better or worse shows in review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkInvariants, probeAll, probeContext, probeShapes, probeSlugs, renderTable, TABLE_FILE } from '../../tools/probe.ts';

const results = probeAll();

test('probe: the corpus has at least 22 fixtures, each described in the README', () => {
  const slugs = probeSlugs();
  assert.ok(slugs.length >= 22, `only ${slugs.length} probe fixtures`);
  const shapes = probeShapes();
  assert.deepEqual(slugs.filter((s) => !shapes.has(s)), [], 'fixtures without a row in tests/fixtures/probe/README.md');
  assert.deepEqual([...shapes.keys()].filter((s) => !slugs.includes(s)), [], 'README rows without a fixture');
});

test('probe: the probe jurisdictions are valid and do not reuse site ids', () => {
  // probeContext validates both lists with the jurisdiction schema and throws on a shared id.
  const ctx = probeContext();
  const ids = ctx.jurisdictions.map((j) => j.id);
  assert.equal(new Set(ids).size, ids.length);
});

for (const r of results) {
  test(`probe: ${r.slug} reads, builds and keeps every invariant`, () => {
    assert.ok(r.seed, `${r.slug} does not read: ${r.row.problems.join('; ')}`);
    assert.ok(r.built, `${r.slug} does not build: ${r.row.problems.join('; ')}`);
    assert.deepEqual(r.row.problems, []);
  });
}

test('probe: the invariant check catches lost text and stray spans', () => {
  const r = results.find((x) => x.built && x.built.record.stats.paragraphs > 2)!;
  const built = r.built!;
  // Drop a stretch of a paragraph's text from the body: the text is lost.
  const [id, text] = [...plainRuns(built.mdx)][0];
  const cut = text.slice(0, Math.min(6, text.length));
  const lossy = { ...built, mdx: built.mdx.replace(cut, '') };
  assert.ok(checkInvariants(r.seed!, lossy).some((f) => f.startsWith('text lost')), `removing “${cut}” from ${id} went unnoticed`);
  // A figure span beyond its paragraph.
  const record = structuredClone(built.record);
  const stack = [record.outline];
  let moved = false;
  while (stack.length > 0 && !moved) {
    const s = stack.pop()!;
    for (const p of s.paragraphs) {
      if (p.figures.length > 0) {
        p.figures[0].at = [0, 100000];
        moved = true;
        break;
      }
    }
    stack.push(...s.children);
  }
  if (moved) assert.ok(checkInvariants(r.seed!, { ...built, record }).some((f) => f.includes('outside paragraph')));
});

/** Returns the opening plain-text run of each paragraph of an MDX body, by paragraph id: a stretch that can be cut. */
function plainRuns(mdx: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of mdx.matchAll(/<Para id="(p-[0-9a-f-]+)"[^>]*>\s*\n?\s*([^<\n]{8,})/g)) out.set(m[1], m[2]);
  return out;
}

test('probe: TABLE.md is what the probe produces now', () => {
  const expected = renderTable(results.map((r) => r.row));
  const committed = readFileSync(TABLE_FILE, 'utf8');
  assert.equal(committed, expected, 'tests/fixtures/probe/TABLE.md is out of date: run `node tools/probe.ts --write` and review the diff');
});
