import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';

/**
 * In `astro dev`, reruns the content build whenever a seed changes, so that an editor sees a
 * saved seed on the page without restarting; the content collection reloads the regenerated MDX
 * by itself. Mistakes are printed as the build prints them, and the last good pages stay.
 */
export function seedWatcher(): AstroIntegration {
  return {
    name: 'gaige:seed-watcher',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const seeds = resolve('seeds');
        let running = false;
        let again = false;
        const rebuild = () => {
          if (running) {
            again = true;
            return;
          }
          running = true;
          const child = spawn(process.execPath, [resolve('pipeline/build-content.ts')], { stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (out += d));
          child.on('close', (code) => {
            running = false;
            if (code === 0) logger.info(out.trim().split('\n')[0] ?? 'content rebuilt');
            else logger.error(out.trim());
            if (again) {
              again = false;
              rebuild();
            }
          });
        };
        server.watcher.add(seeds);
        const onSeed = (path: string) => {
          if (path.startsWith(seeds) && path.endsWith('.md')) rebuild();
        };
        server.watcher.on('change', onSeed);
        server.watcher.on('add', onSeed);
        server.watcher.on('unlink', onSeed);
      },
    },
  };
}
