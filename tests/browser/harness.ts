import { after, before } from 'node:test';
// Browser-test harness: a minimal static server for the built site and Debian's Chromium via
// playwright-core. Used by tests/browser/*.test.ts and tools/screenshot.ts.
import http from 'node:http';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * The project the site under test was built from (its seeds/ and content/): GAIGE_ROOT if set, as
 * the pipeline reads it (tests/browser/any-corpus.test.ts points it at a copy with reports added),
 * else this project. Expectations about the corpus are read from here and from the built data,
 * never written into a test.
 */
export const SITE_ROOT = process.env.GAIGE_ROOT ? path.resolve(process.env.GAIGE_ROOT) : PROJECT_ROOT.replace(/\/$/, '');
/** The built site: DIST_DIR if set (e.g. to test another build), else dist/ of SITE_ROOT. */
export const DIST = process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.join(SITE_ROOT, 'dist');

/** Returns a file of the built site's downloads (dist/data/<name>), parsed. */
export function data<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(DIST, 'data', name), 'utf8')) as T;
}

/** Returns the slugs of the seeds the site was built from (SITE_ROOT/seeds/*.md), sorted. */
export function seedSlugs(): string[] {
  return readdirSync(path.join(SITE_ROOT, 'seeds'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** Returns the generated record of a report (SITE_ROOT/content/records/<slug>.json) as stored. */
export function storedRecord<T>(slug: string): T {
  return JSON.parse(readFileSync(path.join(SITE_ROOT, 'content', 'records', `${slug}.json`), 'utf8')) as T;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface Server {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:43123 */
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Folder to serve; default DIST (dist/ of the project, or DIST_DIR). */
  root?: string;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Map a URL path to a file inside root, or null (not found / outside root). */
function resolveFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  if (decoded.endsWith('/')) {
    const index = path.join(file, 'index.html');
    return isFile(index) ? index : null;
  }
  if (isFile(file)) return file;
  // /x (no slash) → /x/index.html, /x → /x.html, as static hosts do
  const index = path.join(file, 'index.html');
  if (isFile(index)) return index;
  if (isFile(file + '.html')) return file + '.html';
  return null;
}

/** Serve `root` (default dist/) on 127.0.0.1 with a free port. */
export async function startServer(options: ServerOptions = {}): Promise<Server> {
  const root = path.resolve(options.root ?? DIST);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new Error(`${root} does not exist: run npm run build first`);
  }
  const server = http.createServer((req, res) => {
    const send = (status: number, file: string | null) => {
      if (!file) {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(status === 404 ? 'Not found' : 'Error');
        return;
      }
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      send(400, null);
      return;
    }
    const file = resolveFile(root, pathname);
    if (file) {
      send(200, file);
    } else {
      const notFound = path.join(root, '404.html');
      send(404, isFile(notFound) ? notFound : null);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium) headless. Never downloads a browser. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export interface OpenPageOptions {
  /** Viewport width in CSS pixels; default 1280. */
  width?: number;
  /** Viewport height; default 800. */
  height?: number;
  colorScheme?: 'light' | 'dark';
  /**
   * URLs whose >= 400 responses or failed requests are expected: a substring or a RegExp
   * tested against the full URL.
   */
  allow?: Array<string | RegExp>;
  /** Passed to page.goto; default 'load'. */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit';
}

export interface OpenedPage {
  page: Page;
  /** Page errors, console errors, failed requests and >= 400 responses, one line each. */
  errors: string[];
  /** Status of the main navigation response (0 if none). */
  status: number;
  /** Closes the page and its context. */
  close(): Promise<void>;
}

/**
 * Open `url` in a fresh context and record everything that went wrong while loading it
 * (and afterwards, until close). Tests assert `errors` is empty.
 */
export async function openPage(browser: Browser, url: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const allow = options.allow ?? [];
  const allowed = (u: string) => allow.some((a) => (typeof a === 'string' ? u.includes(a) : a.test(u)));
  const contextOptions: BrowserContextOptions = {
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'zh-CN',
  };
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    // A >= 400 response also logs "Failed to load resource"; the response handler reports
    // it (or allows it), so don't report it twice.
    if (/^Failed to load resource/.test(msg.text())) return;
    errors.push(`console.error: ${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  const badResponses = new Set<string>();
  page.on('requestfailed', (req) => {
    // Chromium aborts e.g. a script whose response was a 404 page: already reported below.
    if (allowed(req.url()) || badResponses.has(req.url())) return;
    // A request cut short because the page navigated away (ERR_ABORTED without a bad response)
    // is the browser's doing, not a broken resource.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`requestfailed: ${req.method()} ${req.url()} ${req.failure()?.errorText ?? ''}`.trim());
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !allowed(res.url())) {
      badResponses.add(res.url());
      errors.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
    }
  });
  const response = await page.goto(url, { waitUntil: options.waitUntil ?? 'load' });
  return {
    page,
    errors,
    status: response?.status() ?? 0,
    close: () => context.close(),
  };
}

/**
 * Registers before/after hooks that start the static server and Chromium once for a test file,
 * and returns the live handles (set when the first test runs).
 */
export function useSite(options: ServerOptions = {}): { server: Server; browser: Browser } {
  const site = {} as { server: Server; browser: Browser };
  before(async () => {
    site.server = await startServer(options);
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
