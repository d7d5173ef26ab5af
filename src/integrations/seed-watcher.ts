import { spawn } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';

/** What the Vite client needs to show an error overlay: no stack, since the message is the editor's fix. */
interface OverlayError {
  /** Heading of Astro's overlay (which replaces Vite's in astro dev). */
  title: string;
  message: string;
  /** Shown under the message; Astro's overlay reads it as HTML, so it holds no text from a file. */
  hint: string;
  stack: string;
  plugin: string;
  id?: string;
  loc?: { file: string; line: number; column: number };
}

/** A channel to the browsers that the dev server keeps open (Vite's hot channel). */
interface HotChannel {
  send(payload: { type: 'error'; err: OverlayError } | { type: 'full-reload'; path: string }): void;
  on(event: 'vite:client:connect', listener: (data: unknown, client: { send(payload: { type: 'error'; err: OverlayError }): void }) => void): void;
}

/** Returns the content build's failure as an overlay error: its Chinese lines, the first problem's file and line as the location. */
export function overlayError(output: string, root: string): OverlayError {
  const lines = output.trim().split('\n');
  const first = lines.map((l) => /^((?:seeds|content)\/[^:\s]+):(\d+): /.exec(l)).find(Boolean);
  return {
    title: '报告内容有错误,页面没有更新',
    // Astro escapes the message before its overlay renders it as HTML (tests/browser/dev-overlay.test.ts checks it).
    message: lines.join('\n'),
    hint: '按每一行的“修改方法”改正文件并保存,这个提示会自动消失,页面随之更新。在终端运行 npm run check 可以看到同样的信息。',
    stack: '',
    plugin: '报告内容检查',
    ...(first ? { id: first[1], loc: { file: resolve(root, first[1]), line: Number(first[2]), column: 1 } } : {}),
  };
}

/**
 * In `astro dev`, reruns the content build whenever a seed or a hand-kept data file
 * (content/*.json) changes, so that an editor sees a saved seed on the page without restarting;
 * the content collections reload the regenerated files by themselves. A mistake is shown in the
 * browser as Vite's error overlay with the same Chinese file:line messages as in the terminal
 * (also to a page opened or reloaded while the mistake stands), and the overlay goes away, with a
 * reload, once the file is fixed. The last good pages stay behind the overlay.
 */
export function seedWatcher(): AstroIntegration {
  return {
    name: 'gaige:seed-watcher',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const root = process.cwd();
        const seeds = resolve('seeds');
        const content = resolve('content');
        const hot = (server.environments?.client?.hot ?? server.hot) as unknown as HotChannel;
        let current: OverlayError | undefined;
        hot.on('vite:client:connect', (_data, client) => {
          if (current) client.send({ type: 'error', err: current });
        });
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
            if (code === 0) {
              logger.info(out.trim().split('\n')[0] ?? 'content rebuilt');
              if (current) {
                current = undefined;
                hot.send({ type: 'full-reload', path: '*' });
              }
            } else {
              logger.error(out.trim());
              current = overlayError(out, root);
              hot.send({ type: 'error', err: current });
            }
            if (again) {
              again = false;
              rebuild();
            }
          });
        };
        server.watcher.add([seeds, resolve(content, '*.json')]);
        // Seeds, and the hand-kept JSON directly in content/ (not the generated subfolders).
        const watched = (path: string) => (path.startsWith(seeds + sep) && path.endsWith('.md')) || (path.startsWith(content + sep) && !relative(content, path).includes(sep) && path.endsWith('.json'));
        const onChange = (path: string) => {
          if (watched(path)) rebuild();
        };
        server.watcher.on('change', onChange);
        server.watcher.on('add', onChange);
        server.watcher.on('unlink', onChange);
      },
    },
  };
}
