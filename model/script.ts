/**
 * Traditional and Simplified characters as one language: a normaliser that maps text to its
 * Simplified form character by character, keeping its length in UTF-16 code units, so every
 * offset into the text as written is the same offset into the normalised form. The pipeline
 * classifies and extracts on the normalised form and stores offsets that point into the text as
 * written, which is what pages show; the browser matches a query in either script the same way.
 *
 * This module holds only the table-driven normaliser and no data, so the browser can use it with a
 * small table; model/simplified.ts builds the table and the full normaliser from OpenCC's data.
 */

/** Replacements whose source and target have the same UTF-16 length: single characters, and phrases where context decides (乾隆 stays, 乾燥 becomes 干燥). */
export interface ScriptTable {
  /** One code point → its Simplified form (same UTF-16 length). */
  chars: Record<string, string>;
  /** A phrase whose conversion differs from converting its characters one by one → its Simplified form (same UTF-16 length). */
  phrases: Record<string, string>;
}

/** Returns a function mapping text to its Simplified form with the table: the longest phrase at each place, else the character. Length-preserving. */
export function tableNormaliser(table: ScriptTable): (text: string) => string {
  const phraseLengths = [...new Set(Object.keys(table.phrases).map((p) => p.length))].sort((a, b) => b - a);
  return (text: string) => {
    let out = '';
    for (let i = 0; i < text.length; ) {
      const phrase = phraseLengths.find((n) => i + n <= text.length && Object.hasOwn(table.phrases, text.slice(i, i + n)));
      if (phrase !== undefined) {
        const to = table.phrases[text.slice(i, i + phrase)];
        out += to.length === phrase ? to : text.slice(i, i + phrase);
        i += phrase;
        continue;
      }
      const cp = String.fromCodePoint(text.codePointAt(i)!);
      const to = Object.hasOwn(table.chars, cp) ? table.chars[cp] : cp;
      out += to.length === cp.length ? to : cp;
      i += cp.length;
    }
    return out;
  };
}

/**
 * Returns the part of a table that a corpus can need: the entries whose Simplified form occurs in
 * `normalised` (the corpus's normalised text). A query character whose Simplified form occurs nowhere
 * finds nothing in either script, so leaving its entry out changes no result.
 */
export function tableFor(table: ScriptTable, normalised: string): ScriptTable {
  const present = new Set(normalised);
  const chars = Object.fromEntries(Object.entries(table.chars).filter(([, to]) => present.has(to)));
  const phrases = Object.fromEntries(Object.entries(table.phrases).filter(([, to]) => normalised.includes(to)));
  return { chars, phrases };
}
