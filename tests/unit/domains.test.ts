import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDomains, domainsByKeywords, domainsNamedBy } from '../../scripts/lib/domains.ts';
import { detectStructure } from '../../scripts/lib/structure.ts';
import type { Paragraph, Section } from '../../scripts/lib/types.ts';
import { loadSeed, pipelineData, seedSlugs } from './helpers.ts';

const rules = pipelineData().domains;

function classified(slug: string): Section {
  const seed = loadSeed(slug);
  const s = detectStructure(seed.body, seed.bodyLine, seed.meta.titleStated ? seed.meta.title : '');
  applyDomains(s.root, rules);
  return s.root;
}

function* sections(s: Section): Generator<Section> {
  yield s;
  for (const c of s.children) yield* sections(c);
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
  for (const p of section(root, '【纪律检查体制改革】').paragraphs.filter((p) => p.kind !== 'box-label')) {
    assert.ok(ids(p).includes('discipline'), p.text.slice(0, 20));
  }
  for (const p of section(root, '【“放管服”改革】').paragraphs) {
    const tag = p.domains!.find((t) => t.domain === 'streamlining');
    assert.ok(tag, p.text.slice(0, 20));
    // Either the section heading decides, or the paragraph's own run-in heading names the same domain.
    if (tag.via === 'heading') assert.deepEqual(tag.evidence, ['【“放管服”改革】']);
    else assert.equal(tag.evidence[0], p.runIn);
  }
  // A run-in heading adds its own domain beside the section's.
  assert.deepEqual(ids(paragraph(root, '信用中山建设。')).sort(), ['credit', 'streamlining']);
});

test('株洲 10.深化纪律检查体制改革 → 纪检监察与巡察; 湘潭 司法体制改革取得积极成效 → 司法体制', () => {
  const zz = classified('zhuzhou-2017');
  const ten = section(zz, '10.深化纪律检查体制改革');
  assert.deepEqual(ten.domains!.map((t) => t.domain), ['discipline']);
  for (const p of ten.paragraphs) assert.ok(ids(p).includes('discipline'));
  const xt = classified('xiangtan-2017');
  const judicial = paragraph(xt, '一是司法体制改革取得积极成效');
  const tag = judicial.domains!.find((t) => t.domain === 'judicial');
  assert.ok(tag);
  assert.equal(tag.via, 'run-in');
});

test('坪山 5.探索建立基层医疗集团 → 医药卫生; 广州 深化医药卫生体制改革 → 医药卫生; 湘潭 全面推进河长制 → 生态文明与河湖长制', () => {
  const ps = classified('pingshan-2017');
  assert.deepEqual(section(ps, '5.探索建立基层医疗集团').domains!.map((t) => t.domain), ['health']);
  const gz = classified('guangzhou-2019h1');
  assert.ok(ids(paragraph(gz, '深化医药卫生体制改革——推广医联体')).includes('health'));
  const xt = classified('xiangtan-2017');
  assert.ok(ids(paragraph(xt, '全面推进河长制')).includes('ecology'));
});

test('at most 5% of the five reports\' paragraphs are unclassified', () => {
  let total = 0;
  let missing = 0;
  for (const slug of seedSlugs()) {
    const seed = loadSeed(slug);
    const s = detectStructure(seed.body, seed.bodyLine, seed.meta.titleStated ? seed.meta.title : '');
    missing += applyDomains(s.root, rules).length;
    total += [...sections(s.root)].flatMap((x) => x.paragraphs).filter((p) => p.kind !== 'box-label').length;
  }
  assert.ok(missing / total <= 0.05, `${missing} of ${total} unclassified`);
});

test('every tag carries evidence that explains it', () => {
  for (const slug of seedSlugs()) {
    for (const sec of sections(classified(slug))) {
      for (const p of sec.paragraphs) {
        for (const t of p.domains ?? []) {
          const rule = rules.find((r) => r.id === t.domain)!;
          assert.ok(t.evidence.length > 0);
          if (t.via === 'keywords') {
            for (const k of t.evidence) assert.ok(p.text.includes(k) && rule.keywords.includes(k), `${slug} ${p.id}: keyword ${k}`);
          } else {
            assert.ok(rule.headings.some((h) => t.evidence[0].includes(h)), `${slug} ${p.id}: heading ${t.evidence[0]} does not name ${rule.name}`);
          }
        }
      }
    }
  }
});

test('heading names and keyword evidence: pure rules', () => {
  assert.deepEqual(domainsNamedBy('4.深化行政体制改革——\n“挖掘服务新动能”', rules).map((d) => d.domain), ['streamlining']);
  assert.deepEqual(domainsNamedBy('举旗:明知有虎,偏向山行', rules), []);
  const tags = domainsByKeywords('推行“河长制”,建立河长制工作委员会,河道保洁取得成效。', rules);
  assert.equal(tags[0].domain, 'ecology');
  assert.deepEqual(tags[0].evidence.sort(), ['河道', '河长制'].sort());
  assert.deepEqual(domainsByKeywords('这段话与任何领域都无关。', rules), []);
});
