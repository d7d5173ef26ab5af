// The layers: the site (src/) reads the model (model/) and the generated content; it never imports
// the pipeline (pipeline/) or the tools (tools/), which run only at content-build time or by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from './helpers.ts';

const SOURCE = /\.(?:[cm]?[jt]sx?|astro|mdx)$/;
const FORBIDDEN = ['pipeline', 'tools'];

/** Returns every module specifier in a source file: static imports and re-exports, side-effect imports, dynamic import() and import.meta.glob(). */
function importSpecifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\b(?:\s+type)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\bimport\.meta\.glob(?:<[^>]*>)?\(\s*\[?\s*['"`]([^'"`]+)['"`]/g,
  ];
  return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]));
}

/** Returns the project folder a specifier of a file points into (its first path segment under the root), or undefined for a package. */
function targetFolder(file: string, specifier: string): string | undefined {
  let path: string;
  if (specifier.startsWith('.')) path = resolve(dirname(file), specifier);
  else if (specifier.startsWith('/')) path = join(ROOT, specifier);
  else return FORBIDDEN.find((f) => specifier === f || specifier.startsWith(`${f}/`));
  const rel = relative(ROOT, path);
  return rel.startsWith('..') ? '..' : rel.split(sep)[0];
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(entry.name)) yield path;
  }
}

test('the import scanner finds every form of import', () => {
  const source = [
    "import a from '../../pipeline/a.ts';",
    "import type { B } from '../tools/b.ts';",
    "import {\n  c,\n  d,\n} from './c.ts';",
    "export { e } from '/pipeline/e.ts';",
    "export * from 'pipeline/f.ts';",
    "import './side-effect.css';",
    "const g = await import('../../tools/g.ts');",
    "const h = import.meta.glob('../../pipeline/*.ts');",
    '---\nimport Para from "../components/Para.astro";\n---',
  ].join('\n');
  assert.deepEqual(importSpecifiers(source).sort(), ['../../pipeline/*.ts', '../../pipeline/a.ts', '../../tools/g.ts', '../components/Para.astro', '../tools/b.ts', './c.ts', './side-effect.css', '/pipeline/e.ts', 'pipeline/f.ts'].sort());
  const file = join(ROOT, 'src', 'lib', 'x.ts');
  assert.equal(targetFolder(file, '../../pipeline/a.ts'), 'pipeline');
  assert.equal(targetFolder(file, '../../model/zh.ts'), 'model');
  assert.equal(targetFolder(file, '/tools/b.ts'), 'tools');
  assert.equal(targetFolder(file, 'pipeline/f.ts'), 'pipeline');
  assert.equal(targetFolder(file, 'astro:content'), undefined);
});

test('no file under src/ imports from pipeline/ or tools/', () => {
  const files = [...sourceFiles(join(ROOT, 'src'))];
  assert.ok(files.length > 20, `${files.length} source files under src/`);
  const offending: string[] = [];
  let imports = 0;
  for (const file of files) {
    for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
      imports++;
      const folder = targetFolder(file, specifier);
      if (folder && FORBIDDEN.includes(folder)) offending.push(`${relative(ROOT, file)} imports ${specifier}`);
    }
  }
  assert.ok(imports > 50, `only ${imports} imports found: the scanner is broken`);
  assert.deepEqual(offending, []);
});
