/**
 * npm run check: everything that can be checked without building the site, in the order an
 * editor's mistakes are most likely.
 *   1. The hand-kept data files (content/*.json) and every seed, with the rules of the build
 *      (pipeline/build-content.ts --check): Chinese file:line messages, nothing written.
 *   2. Astro's generated types (astro sync), so the site's code can be type-checked on a fresh
 *      clone, before any build; its output is shown only when it fails.
 *   3. The TypeScript of model/, pipeline/, src/, tools/ and tests/ (tsc --noEmit).
 * Exit code 1 at the first step that fails.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = process.env.GAIGE_ROOT ?? process.cwd();
const bin = (pkg: string, path: string) => resolve(root, 'node_modules', pkg, path);

function run(args: string[], quiet: boolean): { ok: boolean; output: string } {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function main(): number {
  console.log('检查 1/3:数据文件和报告文件(seeds/、content/*.json)');
  if (!run([resolve(root, 'pipeline', 'build-content.ts'), '--check'], false).ok) {
    console.error('检查未通过:请按上面每一行的文件、行号和“修改方法”改正,再运行 npm run check。');
    return 1;
  }
  console.log('检查 2/3:生成站点代码的类型(astro sync)');
  const sync = run([bin('astro', 'bin/astro.mjs'), 'sync'], true);
  if (!sync.ok) {
    console.error(sync.output.trim());
    console.error('检查未通过:astro sync 失败。这通常不是报告文件的问题;请把上面的信息告诉开发者。');
    return 1;
  }
  console.log('检查 3/3:代码的类型检查(tsc)');
  if (!run([bin('typescript', 'bin/tsc'), '--noEmit'], false).ok) {
    console.error('检查未通过:上面是代码的类型错误(开发者的问题,不是报告文件的问题);请把它们告诉开发者。');
    return 1;
  }
  console.log('检查通过:数据文件、报告文件和代码都没有发现问题。');
  return 0;
}

process.exitCode = main();
