import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paragraphsOf, sectionsOf } from '../../model/outline.ts';
import type { ParagraphDraft, ReportStructure, SectionDraft } from '../../pipeline/draft.ts';
import { foundingSlugs, loadFounding, loadSeed, seedSlugs, structureOf as detect } from './helpers.ts';

type Section = SectionDraft;

/** Returns the structure of a founding report (its copy in tests/fixtures/founding/): the facts below are about those five. */
function structureOf(slug: string): ReportStructure {
  return detect(loadFounding(slug));
}

/** Returns the number of times `needle` occurs in `hay`, not overlapping. */
function occurrences(hay: string, needle: string): number {
  return needle ? hay.split(needle).length - 1 : 0;
}

const sections = (root: Section): Section[] => [...sectionsOf(root)];

function find(root: Section, heading: string): Section {
  const found = [...sections(root)].find((s) => s.heading.replace(/\n/g, '').includes(heading));
  assert.ok(found, `no section with heading ${heading}`);
  return found;
}

test('中山: 12 【】 sections and 3 glossary definitions', () => {
  const s = structureOf('zhongshan-2018');
  const top = s.root.children;
  assert.equal(top.length, 12);
  assert.ok(top.every((c) => c.style === 'bracket' && c.heading.startsWith('【') && c.level === 1));
  assert.deepEqual(
    s.glossary.map((g) => g.term),
    ['两式两员四协同', '凡提四必', '四种形态'],
  );
  for (const g of s.glossary) assert.ok(g.definition.startsWith(`“${g.term}”`));
  // Run-in headings are set off: a lead phrase and a short first sentence.
  const society = find(s.root, '【社会体制改革】');
  assert.equal(society.paragraphs[0].runIn, '民生领域改革');
  const review = find(s.root, '【改革工作评估】');
  assert.equal(review.paragraphs[1].runIn, '建立“四张台账”。');
});

test('湘潭: 2 top sections with 4 numbered sub-sections each, run-in headings and 一是…二是… items', () => {
  const s = structureOf('xiangtan-2017');
  assert.equal(s.root.children.length, 2);
  assert.deepEqual(
    s.root.children.map((c) => c.heading),
    ['一、总体推进情况', '二、重点改革事项完成情况'],
  );
  for (const top of s.root.children) {
    assert.equal(top.children.length, 4);
    assert.deepEqual(
      top.children.map((c) => c.number),
      ['1.', '2.', '3.', '4.'],
    );
  }
  const first = s.root.children[0].children[0];
  assert.equal(first.heading, '1.强化统筹调度,促进改革协同协力。');
  assert.deepEqual(
    first.paragraphs.map((p) => p.marker),
    ['一是', '二是', '三是'],
  );
  assert.equal(first.paragraphs[0].runIn, '对标对表抓谋划。');
  const judicial = find(s.root, '紧扣公平正义抓改革');
  assert.ok(judicial.paragraphs.some((p) => p.runIn === '司法体制改革取得积极成效。'));
});

test('坪山: a project list of 9, leads for the first two, special groups for 3–9; breadcrumb set aside', () => {
  const s = structureOf('pingshan-2017');
  // Projects are the numbered sections that carry `project`: exactly the nine of the list.
  const projects = sections(s.root).filter((sec) => sec.project);
  assert.equal(projects.length, 9);
  assert.deepEqual(
    projects.map((p) => p.number),
    ['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.'],
  );
  assert.equal(projects[0].project!.lead, '区委书记吕玉印');
  assert.equal(projects[1].project!.lead, '区长陶永欣');
  assert.equal(projects[0].title, '深化基层治理体制改革');
  for (const p of projects.slice(2)) assert.match(p.project!.group ?? '', /专项小组$/, `project ${p.number}`);
  assert.equal(projects[4].title, '探索建立基层医疗集团');
  assert.equal(projects[4].project!.group, '民生体制改革专项小组');
  const list = find(s.root, '改革项目一览表');
  assert.equal(list.children.length, 9);
  assert.deepEqual(list.children, projects, 'the projects are the sections of the list');
  assert.deepEqual(
    s.chrome.map((c) => c.part),
    ['breadcrumb'],
  );
});

test('广州: two-line headings, 领域:标题 headings, —— bullets and 11 district innovations', () => {
  const s = structureOf('guangzhou-2019h1');
  // Places are the paragraphs with role 'place', each naming its district and opening with it.
  const places = [...paragraphsOf<Section, ParagraphDraft>(s.root)].map(({ paragraph }) => paragraph).filter((p) => p.role === 'place');
  assert.equal(places.length, 11);
  assert.deepEqual(
    places.map((p) => p.place),
    ['越秀区', '海珠区', '荔湾区', '天河区', '白云区', '黄埔区', '番禺区', '增城区', '从化区', '花都区', '南沙区'],
  );
  for (const p of places) assert.ok(p.text.startsWith(p.place!), `${p.place}: the entry opens with its place`);
  assert.equal(s.root.children[0].heading, '政治站位高\n改革落实深');
  const economy = find(s.root, '经济:以大湾区建设为纲');
  assert.equal(economy.style, 'label');
  const business = find(s.root, '营商环境2.0');
  assert.deepEqual(
    business.paragraphs.map((p) => p.marker),
    ['——', '——', '——'],
  );
  const livelihood = find(s.root, '民生:四大领域改革');
  assert.ok(livelihood.paragraphs.some((p) => p.runIn === '深化医药卫生体制改革——'));
});

test('株洲: 4 chapters, 10 numbered domains joined across two lines, a 2018 plan of 6 key and 10 exploratory reforms', () => {
  const s = structureOf('zhuzhou-2017');
  const chapters = s.root.children;
  assert.deepEqual(
    chapters.map((c) => c.title.split(':')[0]),
    ['举旗', '跋涉', '接续', '提速'],
  );
  const domains = chapters[1].children;
  assert.equal(domains.length, 10);
  assert.equal(domains[0].title, '深化经济体制改革——“一张蓝图绘到底”');
  assert.equal(domains[9].title, '深化纪律检查体制改革——“清风徐来满堂春”');
  assert.deepEqual(
    domains.map((d) => d.number),
    ['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.'],
  );
  const plan = chapters[3].children;
  assert.equal(plan.length, 2);
  const items = (sec: Section) => sec.paragraphs.filter((p) => p.role === 'item');
  assert.equal(items(plan[0]).length, 6);
  assert.equal(items(plan[1]).length, 10);
  assert.equal(items(plan[1])[9].runIn, '推进国家监察体制改革。');
  // 三是…四是…五是… on one line become three items.
  const onward = chapters[2];
  assert.deepEqual(
    items(onward).map((p) => p.marker),
    ['一是', '二是', '三是', '四是', '五是'],
  );
});

test('chrome of 中山, 坪山 and 株洲 is set aside with its part of the page and is not in any paragraph', () => {
  const expected: Record<string, string[]> = {
    'zhongshan-2018': ['title', 'byline', 'signature', 'navigation'],
    'pingshan-2017': ['breadcrumb'],
    'zhuzhou-2017': ['share', 'breadcrumb', 'ui-label', 'title', 'byline', 'footer', 'footer', 'footer', 'footer', 'footer'],
  };
  for (const [slug, parts] of Object.entries(expected)) {
    const s = structureOf(slug);
    assert.deepEqual(
      s.chrome.map((c) => c.part),
      parts,
      slug,
    );
    const texts = [...paragraphsOf<Section, ParagraphDraft>(s.root)].map(({ paragraph }) => paragraph.text);
    for (const c of s.chrome) assert.ok(!texts.some((t) => t.includes(c.text)), `${slug}: chrome line ${c.line} is in the text`);
  }
});

test('metadata lines are read: byline fields, signature and editor lines', () => {
  const zs = structureOf('zhongshan-2018').meta;
  assert.equal(zs.author, '中山年鉴编纂委员会');
  assert.equal(zs.source, '《中山年鉴·2019》');
  assert.equal(zs.date, '2018-12-31');
  assert.equal(zs.dateKind, '成文日期');
  assert.equal(zs.signedBy, '李雪欣');
  const zz = structureOf('zhuzhou-2017').meta;
  assert.deepEqual([zz.author, zz.source, zz.date, zz.dateKind], ['区深改办', '株洲新区', '2017-12-19', '发布时间']);
  assert.equal(structureOf('xiangtan-2017').meta.editor, '中国经济体制改革杂志社通联部 卢志文 文武');
});

/** Asserts that ids are unique within a report, derived from content and stable; returns the sections. */
function assertIds(s: ReportStructure, slug: string): Section[] {
  const all = [s.root, ...sections(s.root)];
  const ids = all.flatMap((sec) => [sec.id, ...sec.paragraphs.map((p) => p.id)]);
  assert.equal(new Set(ids).size, ids.length, slug);
  for (const id of ids) assert.match(id, /^(top|[sp]-[0-9a-f]{6}(-\d+)?)$/);
  return all;
}

test('every paragraph and section id of the five founding reports is unique within a report and derived from content', () => {
  for (const slug of foundingSlugs()) {
    const all = assertIds(structureOf(slug), slug);
    assert.ok(all.length > 1 && all.some((sec) => sec.paragraphs.length > 0), slug);
  }
});

// Invariants over the project's seeds/: they hold for any valid report an editor adds.

test('every seed: paragraph and section ids are unique, derived from content and the same on a second run', () => {
  for (const slug of seedSlugs()) {
    const s = detect(loadSeed(slug));
    const ids = assertIds(s, slug).flatMap((sec) => [sec.id, ...sec.paragraphs.map((p) => p.id)]);
    // Same content, same id: re-running gives the same ids.
    const again = detect(loadSeed(slug));
    assert.deepEqual([again.root, ...sections(again.root)].flatMap((sec) => [sec.id, ...sec.paragraphs.map((p) => p.id)]), ids);
  }
});

test('every seed: a chrome line is set aside whole, and its text is in the paragraphs no more often than in the lines that are not chrome', () => {
  for (const slug of seedSlugs()) {
    const seed = loadSeed(slug);
    const s = detect(seed);
    const lines = seed.body.split('\n');
    const chromeLines = new Set(s.chrome.map((c) => c.line));
    const kept = lines.filter((_, i) => !chromeLines.has(seed.bodyLine + i)).join('\n');
    const texts = [...paragraphsOf<Section, ParagraphDraft>(s.root)].map(({ paragraph }) => paragraph.text).join('\n');
    for (const c of s.chrome) {
      assert.equal(lines[c.line - seed.bodyLine]?.trim(), c.text, `${slug}: chrome line ${c.line} is not the seed's line`);
      assert.ok(occurrences(texts, c.text) <= occurrences(kept, c.text), `${slug}: chrome line ${c.line} (${c.part}) is in the text`);
    }
  }
});
