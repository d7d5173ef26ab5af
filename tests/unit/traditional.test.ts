// Traditional and Simplified are one language: the normaliser keeps every offset, and a report in
// Traditional characters is classified and extracted exactly as its Simplified twin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConverterFactory, type DictGroup } from 'opencc-js/core';
import { configs } from 'opencc-js/preset/t2cn';
import { paragraphsOf } from '../../model/outline.ts';
import type { Paragraph } from '../../model/schemas/paragraph.ts';
import type { Section } from '../../model/schemas/section.ts';
import { tableFor, tableNormaliser } from '../../model/script.ts';
import { chainEntries, simplifiedTable, toSimplified } from '../../model/simplified.ts';
import { closestJurisdictions, readSeed, type JurisdictionRef } from '../../pipeline/1-read/seed-file.ts';
import { buildReport } from '../../pipeline/build-report.ts';
import { context, pipelineData, ROOT } from './helpers.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'traditional');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

test('toSimplified keeps the UTF-16 length of every entry of the conversion table, and the browser table agrees with it', () => {
  const entries = chainEntries();
  assert.ok(entries.length > 5000, `${entries.length} entries`);
  const browser = tableNormaliser(simplifiedTable());
  for (const [from] of entries) {
    const to = toSimplified(from);
    assert.equal(to.length, from.length, from);
    assert.equal(browser(from), to, from);
  }
  // Whole texts too: every entry joined, and a stretch of the CJK block.
  const all = entries.map(([from]) => from).join('');
  assert.equal(toSimplified(all).length, all.length);
  let block = '';
  for (let cp = 0x4e00; cp <= 0x9fff; cp++) block += String.fromCodePoint(cp);
  assert.equal(toSimplified(block).length, block.length);
});

test('toSimplified gives what OpenCC gives wherever OpenCC keeps the length', () => {
  const config = configs.hk2s as (typeof configs)['hk2s'] & { normalizationChain?: readonly DictGroup[] };
  const opencc = ConverterFactory(...[...(config.normalizationChain ?? []), ...config.conversionChain]);
  let compared = 0;
  // A compatibility ideograph outside the BMP (U+2F800–U+2FA1F) whose unified form OpenCC then maps
  // back outside the BMP changes length on the way, so it is kept as written: the only disagreement.
  const compatibility = (s: string) => [...s].some((c) => c.codePointAt(0)! >= 0x2f800 && c.codePointAt(0)! <= 0x2fa1f);
  for (const [from] of chainEntries()) {
    const theirs = opencc(from);
    if (theirs.length !== from.length) continue;
    compared++;
    if (compatibility(from)) assert.ok(toSimplified(from) === theirs || toSimplified(from) === from, from);
    else assert.equal(toSimplified(from), theirs, from);
  }
  assert.ok(compared > 0.85 * chainEntries().length, `${compared}`);
  assert.equal(toSimplified('行政許可、審批、政務服務、營商環境、鹹陽、顯著、乾燥、乾隆'), '行政许可、审批、政务服务、营商环境、咸阳、显著、干燥、乾隆');
});

test('a Simplified text is unchanged by normalisation; its Traditional twin normalises to it', () => {
  assert.equal(toSimplified(fixture('hans.md')), fixture('hans.md'));
  assert.equal(toSimplified(fixture('hant.md')), fixture('hans.md'));
});

test('tableFor keeps the entries whose Simplified side occurs in the corpus, enough to normalise a query for it', () => {
  const hans = fixture('hans.md');
  const small = tableFor(simplifiedTable(), hans);
  const normalise = tableNormaliser(small);
  assert.equal(normalise(fixture('hant.md')), hans);
  assert.equal(normalise('營商環境'), '营商环境');
  assert.ok(Object.keys(small.chars).length < Object.keys(simplifiedTable().chars).length / 5);
});

test('a Traditional report gets the same domains, figures, firsts and terms, at the same offsets, as its Simplified twin', () => {
  const build = (name: string) => {
    const { seed, problems } = readSeed(`tests/fixtures/traditional/${name}`, 'xiangtan-2019', Buffer.from(fixture(name)), context());
    assert.ok(seed, problems.map((p) => p.message).join('\n'));
    return buildReport(seed, pipelineData()).record;
  };
  const hant = build('hant.md');
  const hans = build('hans.md');
  // Ids are made from the text as written, so the twins' ids differ: compare them by position.
  const findings = (r: typeof hant) => {
    const ids = new Map<string, string>();
    const ref = (id: string) => (ids.has(id) ? ids.get(id)! : (ids.set(id, `#${ids.size}`), ids.get(id)!));
    const json = JSON.stringify({
      sections: r.outline.children.map((s) => ({ id: ref(s.id), domains: s.domains })),
      paragraphs: [...paragraphsOf<Section, Paragraph>(r.outline)].map(({ paragraph: p }) => ({ id: ref(p.id), domains: p.domains, figures: p.figures, firsts: p.firsts })),
      terms: r.terms,
    });
    return JSON.parse(json.replace(/"((?:s|p|fig|first)-[0-9a-f]+)"/g, (_, id: string) => JSON.stringify(ref(id))));
  };
  assert.deepEqual(findings(hant), findings(hans));
  const all = [...paragraphsOf<Section, Paragraph>(hant.outline)].map(({ paragraph }) => paragraph);
  const domains = new Set(all.flatMap((p) => p.domains.map((t) => t.domain)));
  for (const d of ['streamlining', 'business-environment', 'health', 'urban']) assert.ok(domains.has(d), d);
  const figures = all.flatMap((p) => p.figures ?? []);
  assert.ok(figures.some((f) => f.value === 100 && f.unit === '项'));
  assert.ok(figures.some((f) => f.change?.from === 120 && f.value === 45));
  const firsts = all.flatMap((p) => p.firsts ?? []);
  assert.ok(firsts.some((f) => f.scope === '全省' && f.claim === '率先'));
  assert.ok(hant.terms.some((t) => t.term === '证照分离'));
});

test('one strong keyword files a passage: 公立医院 and 多规合一 beside two ordinary reform-mechanism keywords', () => {
  const { seed } = readSeed('tests/fixtures/traditional/hant.md', 'xiangtan-2019', Buffer.from(fixture('hant.md')), context());
  const record = buildReport(seed!, pipelineData()).record;
  const last = record.outline.children.at(-1)!;
  const tags = last.paragraphs[0].domains.map((t) => t.domain);
  for (const d of ['health', 'urban', 'reform-mechanism']) assert.ok(tags.includes(d), `${d} in ${tags}`);
});

test('jurisdiction names and aliases compare in Simplified form: 鹹陽 is nearest to 咸阳', () => {
  const refs: JurisdictionRef[] = [
    { id: 'xianyang', name: '咸阳市', shortName: '咸阳', province: '陕西', aliases: ['咸阳'] },
    { id: 'xiangtan', name: '湘潭市', shortName: '湘潭', province: '湖南', aliases: ['潭'] },
    { id: 'xian', name: '西安市', shortName: '西安', province: '陕西', aliases: ['鎬京'] },
  ];
  assert.equal(closestJurisdictions('鹹陽', refs)[0], 'xianyang');
  assert.equal(closestJurisdictions('镐京', refs)[0], 'xian');
});
