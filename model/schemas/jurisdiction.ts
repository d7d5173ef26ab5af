import { z } from 'astro/zod';

/** A jurisdiction whose reports the site carries (content/jurisdictions.json). */
export const jurisdictionSchema = z.object({
  /** Lower-case ASCII id used in URLs and in seed frontmatter (`jurisdiction:`). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Full Chinese name as the jurisdiction styles itself: 中山市, 坪山区. */
  name: z.string().min(1),
  /** Short name for tables and chart labels: 中山, 坪山. */
  shortName: z.string().min(1),
  /** English name. */
  nameEn: z.string().min(1),
  /** Province (省/自治区/直辖市) in Chinese: 广东. */
  province: z.string().min(1),
  /** Administrative level in Chinese: 地级市, 副省级市, 市辖区. */
  level: z.string().min(1),
  /** Administrative level in English. */
  levelEn: z.string().min(1),
  /** The city a district or zone belongs to, or null. */
  parent: z.object({ name: z.string(), nameEn: z.string() }).nullable(),
  /** Other names the reports use for it (简称, 别称), for matching and search. */
  aliases: z.array(z.string()),
});
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;
