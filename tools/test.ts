/**
 * npm test: the unit tests, the build, then the browser tests against the new dist/. A failing
 * step does not stop the next one (a unit failure still lets the build and the browser tests show
 * what else is wrong), except that the browser tests are skipped when the build fails, since dist/
 * would then be the previous site. Prints one summary at the end and exits 1 if any step failed.
 */
import { spawn } from 'node:child_process';

interface Step {
  name: string;
  script: string;
  /** The step runs only if these steps passed. */
  needs?: string[];
}

const STEPS: Step[] = [
  { name: 'unit', script: 'test:unit' },
  { name: 'build', script: 'build' },
  { name: 'browser', script: 'test:browser', needs: ['build'] },
];

interface Result {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  seconds: number;
  /** The node --test counts (ℹ tests / pass / fail / skipped), when the step ran tests. */
  counts: string;
  /** The failing tests the spec reporter lists at its end. */
  failing: string[];
}

/** Runs an npm script, its output passed through; resolves with its exit status and output. */
function npmRun(script: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    // npm_execpath is set when this runs under npm; otherwise npm from PATH.
    const [command, args] = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath, 'run', script]] : ['npm', ['run', script]];
    const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      process.stdout.write(d);
      output += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      process.stderr.write(d);
      output += d;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Returns the counts line and the failing tests of a spec reporter's output. */
function testSummary(output: string): { counts: string; failing: string[] } {
  const lines = output.split('\n');
  const value = (key: string) => lines.findLast((l) => l.startsWith(`ℹ ${key} `))?.slice(key.length + 3).trim();
  const counts = value('tests') === undefined ? '' : `${value('tests')} tests, ${value('pass')} passed, ${value('fail')} failed${Number(value('skipped')) ? `, ${value('skipped')} skipped` : ''}`;
  const start = lines.lastIndexOf('✖ failing tests:');
  const failing = start < 0 ? [] : lines.slice(start + 1).filter((l) => /^✖ /.test(l)).map((l) => l.slice(2).replace(/ \([\d.]+m?s\)$/, ''));
  return { counts, failing };
}

const results: Result[] = [];
for (const step of STEPS) {
  const blocked = (step.needs ?? []).filter((n) => results.find((r) => r.name === n)?.status !== 'passed');
  if (blocked.length > 0) {
    results.push({ name: step.name, status: 'skipped', seconds: 0, counts: `skipped: ${blocked.join(', ')} failed`, failing: [] });
    continue;
  }
  const started = performance.now();
  const { code, output } = await npmRun(step.script);
  results.push({ name: step.name, status: code === 0 ? 'passed' : 'failed', seconds: (performance.now() - started) / 1000, ...testSummary(output) });
}

const mark = { passed: '✔', failed: '✖', skipped: '﹣' } as const;
const time = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}m${Math.round(s % 60)}s` : `${Math.round(s)}s`);
console.log('\nnpm test:');
for (const r of results) {
  console.log(`  ${mark[r.status]} ${r.name.padEnd(8)} ${r.status.padEnd(7)} ${time(r.seconds).padStart(6)}  ${r.counts}`);
  for (const f of r.failing) console.log(`      ✖ ${f}`);
}
const failed = results.filter((r) => r.status !== 'passed');
console.log(failed.length === 0 ? '  all passed' : `  ${failed.map((r) => r.name).join(', ')}: not passed`);
process.exitCode = failed.length === 0 ? 0 : 1;
