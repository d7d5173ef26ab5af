import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordsIn } from '../../model/keywords.ts';
import { paragraphsOf, sectionsOf } from '../../model/outline.ts';
import { applyDomains, domainsByKeywords, domainsNamedBy } from '../../pipeline/3-classify/domains.ts';
import type { ParagraphDraft as Paragraph, SectionDraft as Section } from '../../pipeline/draft.ts';
import { ROOT, builtFounding, builtSeed, foundingSlugs, loadFounding, loadSeed, pipelineData, seedSlugs, structureOf } from './helpers.ts';
import type { Seed } from '../../pipeline/1-read/seed-file.ts';

const rules = pipelineData(ROOT).domains;

/** Returns the outline of a founding report (its copy in tests/fixtures/founding/), classified. */
function classified(slug: string, load: (slug: string) => Seed = loadFounding): Section {
  const s = structureOf(load(slug));
  applyDomains(s.root, load === loadFounding ? rules : pipelineData().domains);
  return s.root;
}

/** The root and every section under it, in document order. */
function sections(s: Section): Section[] {
  return [s, ...sectionsOf(s)];
}

/** Returns the keywords of a domain that a text contains: the evidence shown beside a passage filed by keywords. */
function evidence(text: string, domain: string): string[] {
  return keywordsIn(text, rules.find((r) => r.id === domain)!.keywords);
}

function section(root: Section, heading: string): Section {
  const found = [...sections(root)].find((s) => s.heading.replace(/\n/g, '').includes(heading));
  assert.ok(found, `no section ${heading}`);
  return found;
}

function paragraph(root: Section, text: string): Paragraph {
  const found = [...sections(root)].flatMap((s) => s.paragraphs).find((p) => p.text.includes(text));
  assert.ok(found, `no paragraph with ${text}`);
  return found;
}

const ids = (p: Paragraph) => (p.domains ?? []).map((t) => t.domain);

test('the taxonomy has the 24 required domains, each with a group, a description, and rules', () => {
  const data = pipelineData();
  assert.equal(rules.length, 24);
  const names = rules.map((r) => r.name);
  for (const name of ['放管服与行政审批', '商事制度与营商环境', '数字政府与智慧城市', '国资国企', '财税金融', '科技创新', '人才', '农业农村与土地', '生态文明与河湖长制', '城市建设与更新', '对外开放与区域合作', '司法体制', '民主法制与法治政府', '社会信用', '文化体制', '教育', '医药卫生', '社会保障与养老', '社会治理与公共安全', '基层党建', '干部人事', '纪检监察与巡察', '群团改革', '改革推进机制']) {
    assert.ok(names.includes(name), name);
  }
  assert.equal(new Set(rules.map((r) => r.id)).size, 24);
  assert.ok(data.domains.every((r) => r.keywords.length > 0));
});

test('中山: 【纪律检查体制改革】 → 纪检监察与巡察; 【“放管服”改革】 → 放管服与行政审批, by heading', () => {
  const root = classified('zhongshan-2018');
  for (const p of section(root, '【纪律检查体制改革】').paragraphs.filter((p) => p.role !== 'box-label')) {
    assert.ok(ids(p).includes('discipline'), p.text.slice(0, 20));
  }
  const streamlining = section(root, '【“放管服”改革】');
  assert.ok(streamlining.paragraphs.length > 0);
  for (const p of streamlining.paragraphs) {
    const tag = p.domains!.find((t) => t.domain === 'streamlining');
    assert.ok(tag, p.text.slice(0, 20));
    // Either the section heading decides (the tag names that section), or the paragraph's own run-in heading names the same domain.
    if (tag.via === 'heading') assert.equal(tag.section, streamlining.id);
    else {
      assert.equal(tag.via, 'run-in');
      assert.ok(domainsNamedBy(p.runIn!, rules).some((d) => d.domain === 'streamlining'), `run-in ${p.runIn}`);
    }
  }
  assert.equal(streamlining.heading, '【“放管服”改革】');
  // A run-in heading adds its own domain beside the section's.
  assert.deepEqual(ids(paragraph(root, '信用中山建设。')).sort(), ['credit', 'streamlining']);
});

test('株洲 10.深化纪律检查体制改革 → 纪检监察与巡察; 湘潭 司法体制改革取得积极成效 → 司法体制', () => {
  const zz = classified('zhuzhou-2017');
  const ten = section(zz, '10.深化纪律检查体制改革');
  assert.deepEqual(ten.domains, ['discipline']);
  for (const p of ten.paragraphs) assert.ok(ids(p).includes('discipline'));
  const xt = classified('xiangtan-2017');
  const judicial = paragraph(xt, '一是司法体制改革取得积极成效');
  const tag = judicial.domains!.find((t) => t.domain === 'judicial');
  assert.ok(tag);
  assert.equal(tag.via, 'run-in');
});

test('坪山 5.探索建立基层医疗集团 → 医药卫生; 广州 深化医药卫生体制改革 → 医药卫生; 湘潭 全面推进河长制 → 生态文明与河湖长制', () => {
  const ps = classified('pingshan-2017');
  assert.deepEqual(section(ps, '5.探索建立基层医疗集团').domains, ['health']);
  const gz = classified('guangzhou-2019h1');
  assert.ok(ids(paragraph(gz, '深化医药卫生体制改革——推广医联体')).includes('health'));
  const xt = classified('xiangtan-2017');
  assert.ok(ids(paragraph(xt, '全面推进河长制')).includes('ecology'));
});

/** Classifies every report of a corpus: per report, what applyDomains lists as unclassified, the paragraphs, and the record's count. */
function unclassifiedIn(slugs: string[], load: (slug: string) => Seed, built: (slug: string) => { record: { stats: { unclassified: number } } }) {
  const domains = load === loadFounding ? rules : pipelineData().domains;
  return slugs.map((slug) => {
    const s = structureOf(load(slug));
    const unclassified = applyDomains(s.root, domains);
    const all = [...paragraphsOf<Section, Paragraph>(s.root)].map(({ paragraph }) => paragraph);
    return { slug, unclassified, all, recorded: built(slug).record.stats.unclassified };
  });
}

test('every seed: each paragraph has a domain or is listed as unclassified, and the record counts the same', () => {
  for (const { slug, unclassified, all, recorded } of unclassifiedIn(seedSlugs(), loadSeed, builtSeed)) {
    assert.deepEqual(unclassified, all.filter((p) => p.role !== 'box-label' && p.domains!.length === 0).map((p) => p.id), slug);
    assert.equal(recorded, unclassified.length, slug);
  }
});

test('at most 5% of the five founding reports\' paragraphs are unclassified: 3 of 200', () => {
  let total = 0;
  let missing = 0;
  let recorded = 0;
  let paragraphs = 0;
  for (const r of unclassifiedIn(foundingSlugs(), loadFounding, builtFounding)) {
    missing += r.unclassified.length;
    total += r.all.filter((p) => p.role !== 'box-label').length;
    paragraphs += r.all.length;
    recorded += r.recorded;
  }
  assert.ok(missing / total <= 0.05, `${missing} of ${total} unclassified`);
  assert.deepEqual([missing, paragraphs, recorded], [3, 200, 3]);
});

/** Checks that every domain tag of a corpus has evidence that explains it; returns the number of tags checked. */
function checkEvidence(slugs: string[], load: (slug: string) => Seed): number {
  const domains = load === loadFounding ? rules : pipelineData().domains;
  const names = (heading: string, rule: (typeof rules)[number]) => rule.headings.some((h) => heading.replace(/\n/g, '').includes(h));
  let checked = 0;
  for (const slug of slugs) {
    for (const { paragraph: p, section, path } of paragraphsOf<Section, Paragraph>(classified(slug, load))) {
      for (const t of p.domains ?? []) {
        const rule = domains.find((r) => r.id === t.domain)!;
        assert.ok(rule, `${slug} ${p.id}: unknown domain ${t.domain}`);
        if (t.via === 'keywords') {
          const words = keywordsIn(p.text, rule.keywords);
          assert.ok(words.length > 0, `${slug} ${p.id}: no keyword of ${rule.name} in the text`);
          for (const k of words) assert.ok(p.text.includes(k) && rule.keywords.includes(k), `${slug} ${p.id}: keyword ${k}`);
        } else if (t.via === 'heading') {
          // The deciding section is the paragraph's own or one above it, and its heading names the domain.
          const decider = path.find((s) => s.id === t.section);
          assert.ok(decider, `${slug} ${p.id}: section ${t.section} is not above the paragraph (in ${section.id})`);
          assert.ok(names(decider.heading, rule), `${slug} ${p.id}: heading ${decider.heading} does not name ${rule.name}`);
          // …and it is the nearest heading that names any domain.
          const nearest = path.findLast((s) => domainsNamedBy(s.heading, domains).length > 0);
          assert.equal(nearest, decider, `${slug} ${p.id}: a nearer heading decides`);
        } else {
          assert.equal(t.via, 'run-in');
          assert.ok(p.runIn && names(p.runIn, rule), `${slug} ${p.id}: run-in ${p.runIn} does not name ${rule.name}`);
        }
        checked++;
      }
    }
  }
  return checked;
}

test('every seed: every tag has evidence that explains it: the deciding heading above, the run-in heading, or keywords in the text', () => {
  checkEvidence(seedSlugs(), loadSeed);
});

test('the five founding reports carry over 200 tags, each with its evidence', () => {
  const checked = checkEvidence(foundingSlugs(), loadFounding);
  assert.ok(checked > 200, `${checked} tags checked`);
});

test('heading names and keyword evidence: pure rules', () => {
  assert.deepEqual(domainsNamedBy('4.深化行政体制改革——\n“挖掘服务新动能”', rules).map((d) => d.domain), ['streamlining']);
  assert.deepEqual(domainsNamedBy('举旗:明知有虎,偏向山行', rules), []);
  const text = '推行“河长制”,建立河长制工作委员会,河道保洁取得成效。';
  const tags = domainsByKeywords(text, rules);
  assert.deepEqual(tags[0], { domain: 'ecology', via: 'keywords' });
  assert.deepEqual(evidence(text, 'ecology').sort(), ['河道', '河长制'].sort());
  assert.deepEqual(domainsByKeywords('这段话与任何领域都无关。', rules), []);
});

test('a strong keyword weighs as two: the taxonomy refuses a strong keyword that is not a keyword, or that another domain uses', async () => {
  const { taxonomySchema } = await import('../../model/schemas/domain.ts');
  const base = { groups: [{ id: 'g', name: '组', nameEn: 'g' }] };
  const domain = (id: string, keywords: string[], strong: string[]) => ({ id, group: 'g', name: id, nameEn: id, description: id, headings: [], keywords, strong });
  assert.equal(taxonomySchema.safeParse({ ...base, domains: [domain('a', ['公立医院'], ['公立医院'])] }).success, true);
  assert.equal(taxonomySchema.safeParse({ ...base, domains: [domain('a', ['医院'], ['公立医院'])] }).success, false);
  assert.equal(taxonomySchema.safeParse({ ...base, domains: [domain('a', ['公立医院'], ['公立医院']), domain('b', ['公立医院改革'], [])] }).success, false);
  const text = '深化公立医院综合改革,按照多规合一要求统筹空间布局,全年推进改革任务和改革项目。';
  const tags = domainsByKeywords(text, rules).map((t) => t.domain);
  for (const d of ['health', 'urban', 'reform-mechanism']) assert.ok(tags.includes(d), `${d} in ${tags}`);
});
