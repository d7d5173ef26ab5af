import type { SourceLine } from '../draft.ts';

/**
 * Layout whitespace: ASCII space and tab, no-break space (U+00A0) and ideographic space (U+3000),
 * which pages copied from the web use for indentation and for "blank-looking" lines.
 */
const LAYOUT_SPACE = '[ \\t\\u00a0\\u3000]';
const LEADING = new RegExp(`^${LAYOUT_SPACE}+`);
const TRAILING = new RegExp(`${LAYOUT_SPACE}+$`);

/**
 * Returns the body's lines with their seed-file line numbers and layout whitespace trimmed.
 * Only whitespace at either end of a line is trimmed; no character inside the text changes.
 * A trailing carriage return (CRLF files) is dropped from `raw` as a line break, not text.
 */
export function splitSourceLines(body: string, firstLine = 1): SourceLine[] {
  return body.split('\n').map((rawLine, i) => {
    const raw = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const lead = LEADING.exec(raw)?.[0].length ?? 0;
    const text = raw.slice(lead).replace(TRAILING, '');
    return { n: firstLine + i, raw, text, indent: text === '' ? 0 : lead };
  });
}
