// The search sets the issue lists for the five founding reports. The browser test
// (tests/browser/search.test.ts) checks, for any corpus, that search returns exactly the reports
// whose text contains a term; this test checks, on the founding copies in tests/fixtures/founding/,
// that those reports are the ones the issue names. Together they give the acceptance table
// without tying the browser test to five reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sectionsOf } from '../../model/outline.ts';
import { ROOT, builtFounding, foundingSlugs } from './helpers.ts';

const jurisdictions: Array<{ id: string; name: string }> = JSON.parse(readFileSync(join(ROOT, 'content', 'jurisdictions.json'), 'utf8'));

/** The text of each founding report as search indexes it: its stated title, headings and paragraphs. */
const texts = new Map(
  foundingSlugs().map((slug) => {
    const { record, texts: paragraphs } = builtFounding(slug);
    const parts = [record.titleStated ? record.title : '', ...[...sectionsOf(record.outline)].map((s) => s.heading), ...paragraphs.values()];
    return [slug, { text: parts.join('\n'), name: jurisdictions.find((j) => j.id === record.jurisdiction)!.name }];
  }),
);

/** The places the issue names, by the start of their jurisdiction's name (株洲 → 株洲新区(…)). */
const PLACES = ['中山', '湘潭', '株洲', '广州', '坪山'];
const placeOf = (name: string) => {
  const found = PLACES.filter((p) => name.startsWith(p));
  assert.equal(found.length, 1, `one place for ${name}`);
  return found[0];
};

/** Returns the places whose founding report contains the term, sorted. */
const placesContaining = (term: string) => [...texts.values()].filter((r) => r.text.includes(term)).map((r) => placeOf(r.name)).sort();

const ACCEPTANCE: Array<[string, string[]]> = [
  ['放管服', ['中山', '湘潭', '株洲', '广州', '坪山']],
  ['河长制', ['中山', '湘潭', '株洲']],
  ['营商环境', ['中山', '广州', '株洲']],
  ['商事制度', ['湘潭', '广州', '株洲']],
  ['四种形态', ['中山', '株洲']],
  ['数字政府', ['中山', '广州']],
  ['医联体', ['湘潭', '广州']],
  ['证照分离', ['中山']],
];

test('each of the five founding reports is of one of the places the issue names, each place once', () => {
  assert.deepEqual([...texts.values()].map((r) => placeOf(r.name)).sort(), [...PLACES].sort());
});

for (const [term, places] of ACCEPTANCE) {
  test(`${term}: the founding reports containing it are those of ${places.join('、')}`, () => {
    assert.deepEqual(placesContaining(term), [...places].sort());
  });
}

test('most of the other search terms occur in the founding reports; 河长营商 and no report share', () => {
  const more = ['一站式', '正能量', '绿心', '两新', '再出发', '一照一码走天下', '党建领航行动', '最多跑一次', '不动产登记', '双随机', '综合执法', '改革', '畅、诉求'];
  const occurring = more.filter((t) => placesContaining(t).length > 0);
  assert.ok(occurring.length >= 8, `most chosen terms occur in the founding reports (${occurring.join(' ')})`);
  assert.deepEqual(placesContaining('河长营商'), []);
  // Filtering 放管服 to 湖南 gives 湘潭 and 株洲.
  const hunan = foundingSlugs().filter((slug) => builtFounding(slug).record.province === '湖南' && texts.get(slug)!.text.includes('放管服'));
  assert.deepEqual(hunan.map((slug) => placeOf(texts.get(slug)!.name)).sort(), ['株洲', '湘潭'].sort());
});
