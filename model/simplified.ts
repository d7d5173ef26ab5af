import { Trie, type DictGroup } from 'opencc-js/core';
import { configs } from 'opencc-js/preset/t2cn';
import { tableNormaliser, type ScriptTable } from './script.ts';

/**
 * Traditional → Simplified from OpenCC's data (opencc-js): the hk2s chain (CJK compatibility
 * ideographs, Hong Kong variants, then OpenCC's standard Traditional phrases and characters), which
 * also reads Taiwan forms such as 為, 裡, 眾, 啟 (OpenCC's TSCharacters has them). The Taiwan variant
 * step is left out because it reads 著 as 着 and so changes Simplified 显著; normalising a Simplified
 * text must change nothing.
 *
 * OpenCC replaces by longest match, and a few of its entries change length (compatibility
 * ideographs, characters outside the BMP). Here a match replaces only when it keeps the UTF-16
 * length; otherwise the single character is tried, and kept as written when that too would change
 * length. So toSimplified(text).length === text.length for every text, and offsets carry over.
 */

const config = configs.hk2s as (typeof configs)['hk2s'] & { normalizationChain?: readonly DictGroup[] };
/** The dictionary groups applied in turn, as OpenCC's hk2s configuration lists them. */
const CHAIN: readonly DictGroup[] = [...(config.normalizationChain ?? []), ...config.conversionChain];

let stages: Trie[] | undefined;
function tries(): Trie[] {
  stages ??= CHAIN.map((group) => {
    const trie = new Trie();
    trie.loadDictGroup(group);
    return trie;
  });
  return stages;
}

/** One stage: longest match where it keeps the length, else the character's own entry where that does, else the character. */
function convertKeepingLength(trie: Trie, text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const match = trie.matchPrefix(text, i);
    if (match && match.value.length === match.end - i) {
      out += match.value;
      i = match.end;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const own = match ? trie.matchPrefix(ch, 0) : null;
    out += own && own.end === ch.length && own.value.length === ch.length ? own.value : ch;
    i += ch.length;
  }
  return out;
}

/** Returns the text in Simplified characters, same length in UTF-16 code units, every offset kept. */
export function toSimplified(text: string): string {
  let out = text;
  for (const trie of tries()) out = convertKeepingLength(trie, out);
  return out;
}

/** Every dictionary entry of the chain as [source, target] pairs (for tests and the table). */
export function chainEntries(): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  for (const group of CHAIN) {
    for (const dict of group) {
      const pairs = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string]) : (dict as Array<[string, string]>);
      entries.push(...pairs);
    }
  }
  return entries;
}

let table: ScriptTable | undefined;
/**
 * Returns the whole chain as a table for model/script.ts: every source character that changes, and
 * every phrase whose conversion differs from converting its characters one by one; all length-preserving.
 */
export function simplifiedTable(): ScriptTable {
  if (table) return table;
  const chars: Record<string, string> = {};
  const sources = new Set(chainEntries().map(([from]) => from));
  for (const from of sources) if ([...from].length === 1) {
    const to = toSimplified(from);
    if (to !== from) chars[from] = to;
  }
  const phrases: Record<string, string> = {};
  const multi = [...sources].filter((from) => [...from].length > 1);
  // A phrase goes in where the table would otherwise read it differently: by its characters, or by
  // a shorter phrase at its start (乾斷 inside 乾斷食). Repeated until no phrase is read differently.
  for (let changed = true; changed; ) {
    changed = false;
    const normalise = tableNormaliser({ chars, phrases });
    for (const from of multi) {
      const to = toSimplified(from);
      if (!Object.hasOwn(phrases, from) && normalise(from) !== to) {
        phrases[from] = to;
        changed = true;
      }
    }
  }
  table = { chars, phrases };
  return table;
}
