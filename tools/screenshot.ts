// Full-page screenshots of the built site (dist/), for looking at layout changes.
//   npm run screenshots -- [paths...]        default: /
// Builds nothing: run `npm run build` first. Writes tmp/shots/<name>-<width>[-dark].png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, openPage, PROJECT_ROOT, startServer } from '../tests/browser/harness.ts';

// --top: only the visible screen (after scrolling to a #fragment), for pages too long to read as one image.
const top = process.argv.includes('--top');
const paths = process.argv.slice(2).filter((a) => a !== '--' && a !== '--top');
if (paths.length === 0) paths.push('/');

const OUT = path.join(PROJECT_ROOT, 'tmp', 'shots');
const SHOTS: Array<{ width: number; dark: boolean }> = [
  { width: 1280, dark: false },
  { width: 375, dark: false },
  { width: 1280, dark: true },
];

/** "/" → home, "/reports/x/" → reports-x */
function shotName(p: string): string {
  const name = p
    .replace(/[?]/g, '-')
    .replace(/#/g, '-')
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.html$/, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-');
  return name || 'home';
}

mkdirSync(OUT, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
let failed = false;
try {
  for (const p of paths) {
    const urlPath = p.startsWith('/') ? p : `/${p}`;
    for (const { width, dark } of SHOTS) {
      const opened = await openPage(browser, server.url + urlPath, {
        width,
        colorScheme: dark ? 'dark' : 'light',
      });
      try {
        const file = path.join(OUT, `${shotName(urlPath)}-${width}${dark ? '-dark' : ''}.png`);
        if (urlPath.includes('#')) await opened.page.goto(server.url + urlPath);
        await opened.page.screenshot(
          top ? { path: file } : { path: file, fullPage: true },
        );
        console.log(path.relative(process.cwd(), file));
        if (opened.status >= 400) {
          console.error(`  HTTP ${opened.status} for ${urlPath}`);
          failed = true;
        }
        for (const e of opened.errors) console.error(`  ${e}`);
      } finally {
        await opened.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
if (failed) process.exitCode = 1;
