import { z } from 'astro/zod';
import { loadSite } from '../lib/site.ts';
import { column, type Dataset } from './dataset.ts';

/** domains.json: the reform-domain taxonomy with its groups and classification rules. */
export const domains: Dataset = {
  name: 'domains',
  title: '改革领域分类',
  description: '领域分类表及归类规则(与 content/domains.json 相同)。',
  files: [{ file: 'domains.json', format: 'json', title: '改革领域分类', description: '领域分类表及归类规则(与 content/domains.json 相同)。' }],
  row: z.object({
    groups: column(z.array(z.object({})), '专项小组:id、name(中文)、nameEn、order。', '{"id":"economy-ecology","name":"经济体制和生态文明体制"}'),
    domains: column(z.array(z.object({})), '改革领域:id(网址用)、group、name、nameEn、description、headings(标题中出现即归入的词语)、keywords(关键词)、order。', '{"id":"streamlining","name":"放管服与行政审批"}'),
  }),
  async rows() {
    const { groups, domains: list } = await loadSite();
    return [{ groups, domains: list }];
  },
  async json() {
    const { groups, domains: list } = await loadSite();
    return { groups, domains: list };
  },
};
