// Two clean builds of the same commit give byte-identical sites: the build is run twice into
// fresh output and cache folders and every file is compared. (No file is exempt today; if a tool
// ever makes one impossible, list it here with the reason.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from './harness.ts';

const EXEMPT = new Map<string, string>();

function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(path.relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

test('two clean builds give byte-identical dist/', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'gaige-determinism-'));
  try {
    const builds = ['a', 'b'].map((name) => {
      const out = path.join(scratch, name, 'dist');
      const run = spawnSync(process.execPath, ['pipeline/build.ts'], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        env: { ...process.env, ASTRO_OUT_DIR: out, ASTRO_CACHE_DIR: path.join(scratch, name, 'cache') },
      });
      assert.equal(run.status, 0, run.stderr);
      return digest(out);
    });
    assert.deepEqual([...builds[0].keys()], [...builds[1].keys()], 'the two builds wrote different files');
    const differing = [...builds[0]].filter(([file, hash]) => builds[1].get(file) !== hash && !EXEMPT.has(file)).map(([file]) => file);
    assert.deepEqual(differing, []);
    assert.ok(builds[0].size > 100);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
