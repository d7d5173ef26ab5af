// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { seedWatcher } from './src/integrations/seed-watcher.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';

export default defineConfig({
  // The public address, used for canonical links; citations use the address the reader is on.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  // Smart punctuation off (MDX inherits the processor): it would turn a report's ASCII quotes, --
  // and ... into typographic ones, altering the text. GFM stays on for editors' tables.
  // No code blocks are rendered, so no syntax highlighting (Shiki's inline styles would also clash with the CSP).
  markdown: { processor: satteri({ features: { smartPunctuation: false } }), syntaxHighlight: false },
  integrations: [mdx(), pagefindIntegration(), seedWatcher(), sitemap()],
  build: { format: 'directory' },
  // Separate output and cache folders let several builds run side by side (tests, benchmarks).
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // A Content-Security-Policy <meta> on every page: Astro hashes the scripts it bundles, so no
  // other inline script runs and eval is off; WebAssembly compilation stays allowed for the
  // Pagefind search index. Styles may be inline (charts and bars set CSS variables in style="").
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
});
