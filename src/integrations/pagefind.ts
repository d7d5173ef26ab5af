// Astro integration: builds the Pagefind search index over the build output once the site is
// written. Only elements marked data-pagefind-body are indexed (report articles, and term or
// domain pages that opt in), so page furniture never matches a query.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

interface PagefindResponse {
  errors: string[];
}

/** Returns the response unchanged, or throws naming Pagefind's own errors. */
function assertNoErrors<T extends PagefindResponse>(response: T, step: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind ${step}: ${response.errors.join('; ')}`);
  return response;
}

/** Returns the index statistics after indexing the HTML under `outDir` and writing `<outDir>/pagefind/`. */
export async function buildSearchIndex(outDir: URL, logger: AstroIntegrationLogger): Promise<{ pages: number }> {
  const started = performance.now();
  try {
    // The site is Chinese-first; forcing zh-CN keeps every page in one index with Chinese segmentation.
    const created = assertNoErrors(await pagefind.createIndex({ forceLanguage: 'zh-CN' }), 'createIndex');
    const index = created.index;
    if (!index) throw new Error('Pagefind createIndex returned no index');
    // Only report and term pages carry data-pagefind-body; reading the other pages (source views,
    // comparisons, data pages) would cost memory and time at thousands of reports for nothing.
    const added = assertNoErrors(await index.addDirectory({ path: fileURLToPath(outDir), glob: '{reports/*/index.html,terms/*/index.html}' }), 'addDirectory');
    assertNoErrors(await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', outDir)) }), 'writeFiles');
    logger.info(`read ${added.page_count} report and term pages in ${Math.round(performance.now() - started)} ms`);
    return { pages: added.page_count };
  } catch (error) {
    throw new Error('Building the Pagefind search index failed', { cause: error });
  } finally {
    await pagefind.close();
  }
}

/** Returns the Astro integration that writes the Pagefind index after `astro build`. */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'gaige-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(dir, logger);
      },
    },
  };
}
