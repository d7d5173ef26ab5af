// The seeds keep the founding reports' text byte-for-byte: the body after the YAML frontmatter
// must hash to the SHA-256 listed in docs/seed-catalog.md for the delivered .txt file. The same
// holds for their copies in tests/fixtures/founding/, on which the facts about the five are tested.
// Other seeds (any an editor adds) are not checked here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CATALOG = path.join(ROOT, 'docs', 'seed-catalog.md');
/** The project's seeds/: GAIGE_ROOT's when set (a copy with reports added), as in helpers.ts. */
const SEEDS = path.join(process.env.GAIGE_ROOT ? path.resolve(process.env.GAIGE_ROOT) : ROOT, 'seeds');
const FOUNDING = path.join(ROOT, 'tests', 'fixtures', 'founding');
const EXPECTED = ['zhongshan-2018', 'xiangtan-2017', 'pingshan-2017', 'guangzhou-2019h1', 'zhuzhou-2017'];

/** `<64 hex>  <name>.txt` lines of the catalogue. */
function catalogueHashes(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(CATALOG, 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64})  ([A-Za-z0-9._-]+)\.txt\s*$/.exec(line);
    if (m) out.set(m[2], m[1]);
  }
  return out;
}

/**
 * The body of a seed: every byte after the newline that ends the closing `---` line.
 * The file must start with `---\n`; the frontmatter ends at the first line that is exactly `---`.
 */
function seedBody(bytes: Buffer, name = 'seed'): Buffer {
  const open = Buffer.from('---\n');
  assert.ok(bytes.subarray(0, open.length).equals(open), `${name}: file must start with "---\\n"`);
  let start = open.length;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const line = bytes.subarray(start, end);
    if (line.length === 3 && line.toString('latin1') === '---') {
      return bytes.subarray(Math.min(end + 1, bytes.length));
    }
    start = end + 1;
  }
  assert.fail(`${name}: no closing "---" line for the frontmatter`);
}

const hashes = catalogueHashes();

test('the catalogue lists a SHA-256 for each of the five seeds', () => {
  assert.deepEqual([...hashes.keys()].sort(), [...EXPECTED].sort());
});

test('all five seeds exist', () => {
  const missing = EXPECTED.filter((n) => !existsSync(path.join(SEEDS, `${n}.md`)));
  assert.deepEqual(missing, [], `missing seeds: ${missing.join(', ')}`);
});

test('tests/fixtures/founding/ holds exactly the five founding seeds', () => {
  assert.deepEqual(readdirSync(FOUNDING).sort(), EXPECTED.map((n) => `${n}.md`).sort());
});

for (const [name, expected] of hashes) {
  test(`seeds/${name}.md body matches the catalogue SHA-256`, () => {
    const file = path.join(SEEDS, `${name}.md`);
    assert.ok(existsSync(file), `seeds/${name}.md does not exist`);
    const body = seedBody(readFileSync(file), `seeds/${name}.md`);
    const actual = createHash('sha256').update(body).digest('hex');
    assert.equal(actual, expected, `seeds/${name}.md: body was edited (sha256 ${actual}, catalogue ${expected})`);
  });

  test(`tests/fixtures/founding/${name}.md body matches the catalogue SHA-256`, () => {
    const body = seedBody(readFileSync(path.join(FOUNDING, `${name}.md`)), `tests/fixtures/founding/${name}.md`);
    const actual = createHash('sha256').update(body).digest('hex');
    assert.equal(actual, expected, `tests/fixtures/founding/${name}.md: body was edited (sha256 ${actual}, catalogue ${expected}); copy it from seeds/${name}.md`);
  });
}
