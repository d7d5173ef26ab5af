import { createHash } from 'node:crypto';

/** Returns a stable short id: a prefix and the first `digits` hex digits of the SHA-1 of the content. */
export function contentId(prefix: string, content: string, digits = 6): string {
  return `${prefix}-${createHash('sha1').update(content).digest('hex').slice(0, digits)}`;
}

/** Returns an id maker that keeps ids unique in one report: repeated content gets -2, -3, … in order. */
export function idMaker(prefix: string, digits = 6): (content: string) => string {
  const used = new Map<string, number>();
  return (content) => {
    const base = contentId(prefix, content, digits);
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}
