/**
 * The whole build: content (seeds → content/reports), then Astro (with the Pagefind index) into a
 * scratch folder beside the output, which replaces the output only when every step succeeded.
 * A broken report therefore fails the build and leaves the previous site as it was.
 * The output folder is ASTRO_OUT_DIR, or dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const finalDir = resolve(process.env.ASTRO_OUT_DIR ?? 'dist');
const partialDir = `${finalDir}.partial`;
const oldDir = `${finalDir}.old`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

function main(): number {
  if (!run(process.execPath, ['pipeline/build-content.ts'])) {
    console.error(`构建中止:内容检查未通过,${finalDir} 保持原样。`);
    return 1;
  }
  rmSync(partialDir, { recursive: true, force: true });
  const astro = resolve('node_modules', 'astro', 'bin', 'astro.mjs');
  if (!run(process.execPath, [astro, 'build'], { ...process.env, ASTRO_OUT_DIR: partialDir })) {
    rmSync(partialDir, { recursive: true, force: true });
    console.error(`构建中止:站点生成失败,${finalDir} 保持原样。`);
    return 1;
  }
  rmSync(oldDir, { recursive: true, force: true });
  if (existsSync(finalDir)) renameSync(finalDir, oldDir);
  renameSync(partialDir, finalDir);
  rmSync(oldDir, { recursive: true, force: true });
  console.log(`build: site written to ${finalDir}`);
  return 0;
}

process.exitCode = main();
