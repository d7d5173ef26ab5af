/**
 * Every address on the site, built in one place. Pages, components, downloads and the pipeline's
 * messages link through these functions; none writes a path by hand.
 */

/** Returns the page of a report, or a place on it (a paragraph, section, figure or first id). */
export function reportUrl(slug: string, anchor?: string): string {
  return `/reports/${slug}/${anchor ? `#${anchor}` : ''}`;
}

/** Returns the source view of a report (the text as stored, with the page chrome marked), or one of its lines. */
export function sourceUrl(slug: string, line?: number): string {
  return `/reports/${slug}/source/${line === undefined ? '' : `#L${line}`}`;
}

/** Returns the page of a jurisdiction. */
export function cityUrl(id: string): string {
  return `/cities/${id}/`;
}

/** The jurisdiction × domain overview. */
export const COMPARE_URL = '/compare/';

/** The list of passages no domain caught. */
export const UNCLASSIFIED_URL = '/compare/unclassified/';

/** Returns the comparison page of a reform domain, or one jurisdiction's column on it. */
export function domainUrl(id: string, jurisdiction?: string): string {
  return `/compare/${id}/${jurisdiction ? `#j-${jurisdiction}` : ''}`;
}

/** The list of comparable indicators. */
export const INDICATORS_URL = '/indicators/';

/** Returns the page of an indicator, or a place on it. */
export function indicatorUrl(id: string, anchor?: string): string {
  return `/indicators/${id}/${anchor ? `#${anchor}` : ''}`;
}

/** The glossary. */
export const TERMS_URL = '/terms/';

/** Returns the page of a term; the term is percent-encoded as a path segment. */
export function termUrl(slug: string): string {
  return `/terms/${encodeURIComponent(slug)}/`;
}

/** Returns the search page, with a query when one is given. */
export function searchUrl(query?: string): string {
  return `/search/${query ? `?q=${encodeURIComponent(query)}` : ''}`;
}

/** The page on method and limits, with the editor guide. */
export const ABOUT_URL = '/about/';

/** The downloads page (the codebook). */
export const DATA_URL = '/data/';

/** Returns the address of a download file. */
export function downloadUrl(file: string): string {
  return `/data/${file}`;
}
