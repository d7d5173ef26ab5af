import { csvFormatRows } from 'd3';
import { z } from 'astro/zod';

/**
 * A download under /data/: its file name, what it holds, the schema of one row (whose field
 * descriptions are the codebook: /data/ and datapackage.json are generated from them) and the
 * function that makes its rows. A table's CSV and JSON files share the schema and the rows.
 */
export interface Dataset {
  /** Frictionless resource name of the table: lower-case, digits, - _ . only. */
  name: string;
  title: string;
  description: string;
  /** One row (CSV) or entry (JSON); each field described in Chinese, with an example. */
  row: z.ZodObject;
  /** The files of the dataset: a CSV of the rows (lists joined by `join`) and/or their JSON. */
  files: Array<{ file: string; format: 'csv' | 'json'; title: string; description: string }>;
  /** Separator of list fields in the CSV. */
  join?: string;
  /** Returns a row as the CSV writes it, where a field needs more than joining (default: as it is). */
  csvRow?: (row: Record<string, unknown>) => Record<string, unknown>;
  /** Returns the rows, in the order of the file. */
  rows: () => Promise<Array<Record<string, unknown>>>;
  /** Returns the body of the JSON file, when it is not simply the rows. */
  json?: () => Promise<unknown>;
}

/** Returns a column of a row schema: a schema with its Chinese description and an example value. */
export function column<T extends z.ZodType>(schema: T, description: string, example: string): T {
  return schema.meta({ description, examples: [example] }) as T;
}

/** Frictionless Table Schema field types. */
export type ColumnType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'array' | 'object';

/** One documented column of a download. */
export interface CodebookColumn {
  name: string;
  type: ColumnType;
  description: string;
  example: string;
}

/** Returns a schema without its optional/nullable wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}

/** Returns the Table Schema type of a column schema; in a table that has a CSV, a list is a string (its items joined). */
function columnType(schema: z.ZodType, csv: boolean): ColumnType {
  const s = unwrap(schema);
  if (s instanceof z.ZodNumber) return s.format === 'safeint' || s.format === 'int32' ? 'integer' : 'number';
  if (s instanceof z.ZodBoolean) return 'boolean';
  if (s instanceof z.ZodArray) return csv ? 'string' : 'array';
  if (s instanceof z.ZodObject || s instanceof z.ZodRecord) return 'object';
  return 'string';
}

/** Returns the documented columns of a dataset, read from its row schema. */
export function columnsOf(dataset: Dataset): CodebookColumn[] {
  const csv = dataset.files.some((f) => f.format === 'csv');
  return Object.entries(dataset.row.shape).map(([name, schema]) => {
    const meta = ((schema as z.ZodType).meta() ?? unwrap(schema as z.ZodType).meta() ?? {}) as { description?: string; examples?: unknown[] };
    if (!meta.description) throw new Error(`download ${dataset.name}: column ${name} has no description`);
    return { name, type: columnType(schema as z.ZodType, csv), description: meta.description, example: String(meta.examples?.[0] ?? '') };
  });
}

/** Returns rows as UTF-8 CSV with a byte-order mark (so Excel and WPS read the Chinese) and a header row in schema order. */
export function toCsv(dataset: Dataset, rows: Array<Record<string, unknown>>): string {
  const names = Object.keys(dataset.row.shape);
  const cell = (v: unknown) => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(dataset.join ?? ';') : String(v));
  const flat = dataset.csvRow ?? ((r: Record<string, unknown>) => r);
  return `\uFEFF${csvFormatRows([names, ...rows.map(flat).map((r) => names.map((n) => cell(r[n])))])}\n`;
}

/** Returns a JSON download's text: pretty-printed with a final newline. */
export function toJson(body: unknown): string {
  return `${JSON.stringify(body, null, 2)}\n`;
}
