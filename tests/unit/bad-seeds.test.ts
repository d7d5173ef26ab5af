// Bad reports: each folder of tests/fixtures/bad-seeds/ holds seed files (and hand-kept data files
// under content/) that must fail the content build, and the check, with a message naming the file,
// the line, the problem and the fix, leaving content/reports, records and corpus as they were. A
// folder with new-report.json runs npm run new-report with its arguments instead: a Chinese
// message with the fix, exit code 1, no stack trace, no file written (or, with "status": 0, the
// seed it creates). Folders of tests/fixtures/good-seeds/ hold unusual but valid seeds that must build.
// Each runs in a scratch project of the five founding seeds (tests/fixtures/founding/), so reports an
// editor adds to seeds/ cannot collide with the fixtures' names; a fixture's jurisdiction that must
// be unknown is taken out of the scratch copy's jurisdictions.json should an editor add it one day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paragraphTexts } from '../../model/body.ts';
import { reportSchema } from '../../model/schemas/report.ts';
import { ROOT, runContent as content, scratchProject } from './helpers.ts';

/** Jurisdiction ids the bad fixtures name as unknown. */
const UNKNOWN = ['changsha'];

/** Returns a scratch project of the founding seeds in which the UNKNOWN ids (and any given) are not jurisdictions. */
function scratch(...forget: string[]): string {
  const dir = scratchProject({ founding: true });
  const file = join(dir, 'content', 'jurisdictions.json');
  const all = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string }>;
  const kept = all.filter((j) => !UNKNOWN.includes(j.id) && !forget.includes(j.id));
  if (kept.length !== all.length) writeFileSync(file, JSON.stringify(kept, null, 2));
  return dir;
}

const BAD = join(ROOT, 'tests', 'fixtures', 'bad-seeds');
const GOOD = join(ROOT, 'tests', 'fixtures', 'good-seeds');

/** For each bad case: the messages expected on stderr (file:line: problem … 修改方法:…). */
const EXPECTED: Record<string, RegExp[]> = {
  'missing-title': [/^seeds\/changsha-2019\.md:1: 缺少必填字段 title\(标题\)。 修改方法:照原文抄写标题/m],
  'empty-kind': [/^seeds\/xiangtan-2019\.md:5: 缺少必填字段 kind\(文件类型\)。 修改方法:从这些类型中选一个:yearbook-entry\(年鉴条目\)/m],
  'impossible-date': [/^seeds\/xiangtan-2019\.md:6: date 的值“2019-02-30”不是存在的日期。/m],
  'date-not-a-date': [/^seeds\/xiangtan-2019\.md:6: date 的值“2019年3月”不是日期。 修改方法:写成 "YYYY-MM-DD"/m],
  'bad-period': [/^seeds\/xiangtan-2019\.md:4: period 的值“2019年全年”无法识别。 修改方法:大概应写成 period: "2019"。可用的写法:"2018"\(全年\)/m],
  'period-year-suffix': [/^seeds\/xiangtan-2018\.md:4: period 的值“2018年”无法识别。 修改方法:大概应写成 period: "2018"。可用的写法:"2018"\(全年\)、"2019-H1"\/"2019-H2"\(上\/下半年\)、"2019-Q3"\(季度\)、"2019-06"\(月\)、"2019-01\/2019-06"\(月份区间\)、"2013\/2017"\(年份区间\);大致时期在前面加“约”,如 约2018;原文没有说明时期写 未说明/m],
  'unquoted-title-colon': [/^seeds\/xiangtan-2019\.md:2: 这一行的值里有“冒号\+空格”,YAML 把它读成了又一个字段。 修改方法:给整个值加英文双引号/m],
  'comment-in-title': [/^seeds\/xiangtan-2019\.md:2: 字段 title 的值里有“ #”,YAML 把 # 及其后的文字\(3\)当作注释丢掉了。 修改方法:给整个值加英文双引号/m],
  'jurisdictions-trailing-comma': [/^content\/jurisdictions\.json:67: JSON 写法有误:这一行末尾多了一个逗号\(列表或对象的最后一项后面不能有逗号\)。 修改方法:删除这一行末尾的逗号“,”。$/m],
  'jurisdictions-missing-field': [/^content\/jurisdictions\.json:57: 第 6 项\(id: changsha\)缺少字段“levelEn”。 修改方法:在这一项里加上 "levelEn": …,例如其他项写的是 "levelEn": "[a-z -]+"。/m],
  'new-report-duplicate-slug': [/^seeds\/xiangtan-2019\.md 已经存在,没有覆盖它,也没有新建文件。\n修改方法:如果要修改那份报告,直接编辑 seeds\/xiangtan-2019\.md;如果这是另一份报告,用 --slug 另起一个文件名,例如 --slug xiangtan-2019-work-plan。/m],
  'new-report-forgotten-dashes': [/^选项 (--[a-z]+ ){4}被 npm 当作了它自己的设置,没有传给 new-report:npm run new-report 后面少写了 --。\n修改方法:在 new-report 和第一个选项之间加上 --/m],
  'new-report-unquoted-title': [/^已创建 seeds\/xiangtan-2019\.md。/m],
  'unknown-jurisdiction': [/^seeds\/changsha-2019\.md:3: 未知的行政区“changsha”。 修改方法:改成已有的 id\(最接近的是 [a-z-]+、[a-z-]+、[a-z-]+\);如果是新的行政区,先在 content\/jurisdictions\.json 中添加一条/m],
  'duplicate-slug': [/^seeds\/xiangtan-2019\.md:1: 与 seeds\/Xiangtan-2019\.md 的网址相同/m],
  'empty-body': [/^seeds\/xiangtan-2019\.md:7: 正文是空的。 修改方法:在 frontmatter 结束行 --- 之后粘贴报告全文。/m],
  'gbk-encoding': [/^seeds\/xiangtan-2019\.md:2: 文件不是 UTF-8 编码,看起来是 GB18030\/GBK 编码。 修改方法:.*iconv -f GB18030 -t UTF-8 seeds\/xiangtan-2019\.md/m],
  'no-frontmatter': [/^seeds\/xiangtan-2019\.md:1: 文件开头没有 frontmatter/m],
  'yaml-error': [/^seeds\/xiangtan-2019\.md:\d+: frontmatter 的 YAML 写法有误/m],
  'unknown-field': [/^seeds\/xiangtan-2019\.md:6: 未知字段“citty”。/m],
};

/** Returns every generated file (content/reports, content/records, content/corpus) with its text, to tell whether anything was written. */
function snapshot(dir: string): string {
  return ['reports', 'records', 'corpus']
    .flatMap((sub) => readdirSync(join(dir, 'content', sub)).sort().map((f) => `${sub}/${f}:${readFileSync(join(dir, 'content', sub, f), 'utf8')}`))
    .join('\n');
}

test('every bad-seed fixture has expected messages', () => {
  assert.deepEqual(readdirSync(BAD).sort(), Object.keys(EXPECTED).sort());
});

/** A new-report case: its arguments, extra environment, expected exit code and the seed it creates. */
interface NewReportCase {
  args: string[];
  env?: Record<string, string>;
  status?: number;
  creates?: string;
}

/** Runs npm run new-report's script in a project folder, without npm's own settings of the test run. */
function newReport(dir: string, spec: NewReportCase) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_config_')));
  return spawnSync(process.execPath, [join(ROOT, 'pipeline', 'new-report.ts'), ...spec.args], { cwd: dir, env: { ...env, GAIGE_ROOT: dir, ...spec.env }, encoding: 'utf8' });
}

/** Copies a fixture into a project: seed files into seeds/, content/*.json over the hand-kept data. */
function applyFixture(dir: string, name: string): void {
  for (const f of readdirSync(join(BAD, name))) if (f.endsWith('.md')) cpSync(join(BAD, name, f), join(dir, 'seeds', f));
  if (existsSync(join(BAD, name, 'content'))) cpSync(join(BAD, name, 'content'), join(dir, 'content'), { recursive: true });
}

for (const name of Object.keys(EXPECTED).sort()) {
  const specFile = join(BAD, name, 'new-report.json');
  if (existsSync(specFile)) {
    test(`new-report mistake "${name}": a Chinese message with the fix, never a stack trace, nothing overwritten`, () => {
      const spec = JSON.parse(readFileSync(specFile, 'utf8')) as NewReportCase;
      const dir = scratch();
      try {
        applyFixture(dir, name);
        const seedsBefore = readdirSync(join(dir, 'seeds')).map((f) => f + readFileSync(join(dir, 'seeds', f), 'utf8')).join('\n');
        const run = newReport(dir, spec);
        const output = run.stdout + run.stderr;
        assert.equal(run.status, spec.status ?? 1, output);
        for (const re of EXPECTED[name]) assert.match(output, re);
        assert.doesNotMatch(output, /\n\s+at |Error:|TypeError/);
        if (spec.creates) {
          // The seed it creates passes the build's checks once a body is pasted in.
          const seed = join(dir, 'seeds', spec.creates);
          writeFileSync(seed, readFileSync(seed, 'utf8') + '全年完成改革任务50项。\n');
          assert.equal(content(dir, '--check').status, 0);
        } else {
          assert.equal(readdirSync(join(dir, 'seeds')).map((f) => f + readFileSync(join(dir, 'seeds', f), 'utf8')).join('\n'), seedsBefore);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    continue;
  }
  test(`bad seed "${name}" fails with file, line, problem and fix, and writes nothing`, () => {
    const dir = scratch();
    try {
      assert.equal(content(dir).status, 0);
      const before = snapshot(dir);
      applyFixture(dir, name);
      const run = content(dir);
      assert.equal(run.status, 1, run.stdout);
      assert.match(run.stderr, /^内容构建失败:.*\d+ 处问题,没有写入任何文件。/);
      for (const re of EXPECTED[name]) assert.match(run.stderr, re);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
      assert.equal(snapshot(dir), before);
      // npm run check reports the same mistakes with the same rules.
      const check = content(dir, '--check');
      assert.equal(check.status, 1);
      assert.equal(check.stderr, run.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

for (const name of readdirSync(GOOD).sort().filter((n) => n !== 'limits')) {
  test(`unusual but valid seed "${name}" builds`, () => {
    const dir = scratch();
    try {
      for (const f of readdirSync(join(GOOD, name))) cpSync(join(GOOD, name, f), join(dir, 'seeds', f));
      const run = content(dir);
      assert.equal(run.status, 0, run.stderr);
      const record = reportSchema.parse(JSON.parse(readFileSync(join(dir, 'content', 'records', 'xiangtan-2019.json'), 'utf8')));
      assert.equal(record.slug, 'xiangtan-2019');
      // The text is stored once, in the body.
      const texts = [...paragraphTexts(readFileSync(join(dir, 'content', 'reports', 'xiangtan-2019.mdx'), 'utf8')).values()];
      assert.ok(texts.some((t) => t.includes('全年完成改革任务50项')), texts.join('\n'));
      assert.equal(texts.length, record.stats.paragraphs);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('no limit a real report would hit: 2 MB, 2,000 paragraphs, a title with punctuation and Latin letters, a long jurisdiction name', () => {
  const dir = scratch('ningxia-yinchuan-xingqing');
  try {
    const jurisdictions = JSON.parse(readFileSync(join(dir, 'content', 'jurisdictions.json'), 'utf8'));
    jurisdictions.push({ id: 'ningxia-yinchuan-xingqing', name: '宁夏回族自治区银川市兴庆区(含银川经济技术开发区·滨河新区)', shortName: '兴庆区', nameEn: 'Xingqing District, Yinchuan, Ningxia Hui Autonomous Region', province: '宁夏', level: '市辖区', levelEn: 'district', parent: { name: '银川市', nameEn: 'Yinchuan' }, aliases: [] });
    writeFileSync(join(dir, 'content', 'jurisdictions.json'), JSON.stringify(jurisdictions));
    const sentence = '推进“放管服”改革,投资报建审批事项由43项减少为35项,企业开办时间由20.7天缩短至5天,全面推行河长制。';
    const lines: string[] = [];
    for (let i = 1; i <= 2000; i++) {
      if (i % 100 === 1) lines.push(`${'一二三四五六七八九十'[Math.floor(i / 100) % 10]}、第${i}部分`);
      lines.push(`${i}段:${sentence.repeat(Math.ceil(1_000 / sentence.length))}`);
    }
    const body = lines.join('\n\n');
    assert.ok(Buffer.byteLength(body) > 2_000_000, `body is ${Buffer.byteLength(body)} bytes`);
    writeFileSync(join(dir, 'seeds', 'ningxia-yinchuan-xingqing-2020.md'), `---\ntitle: "G20·2020: Reform & Opening-up(试行)——兴庆区“放管服”改革[第2版]"\njurisdiction: ningxia-yinchuan-xingqing\nperiod: "2020"\nkind: annual-summary\n---\n${body}\n`);
    const run = content(dir);
    assert.equal(run.status, 0, run.stderr);
    const record = reportSchema.parse(JSON.parse(readFileSync(join(dir, 'content', 'records', 'ningxia-yinchuan-xingqing-2020.json'), 'utf8')));
    assert.equal(record.stats.paragraphs, 2000);
    assert.equal(paragraphTexts(readFileSync(join(dir, 'content', 'reports', 'ningxia-yinchuan-xingqing-2020.mdx'), 'utf8')).size, 2000);
    assert.equal(record.title, 'G20·2020: Reform & Opening-up(试行)——兴庆区“放管服”改革[第2版]');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
