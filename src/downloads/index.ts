import type { Dataset } from './dataset.ts';
import { domains } from './domains.ts';
import { figures, firsts } from './figures.ts';
import { indicators } from './indicators.ts';
import { passages } from './passages.ts';
import { reports } from './reports.ts';
import { terms } from './terms.ts';

/** Every download, in the order the codebook (/data/) lists them. */
export const DATASETS: Dataset[] = [figures, firsts, indicators, passages, domains, terms, reports];

/** Every download file with its dataset and its codebook name (the dataset's, with -json for the JSON twin of a CSV), in codebook order. */
export const FILES = DATASETS.flatMap((dataset) =>
  dataset.files.map((file) => ({ ...file, dataset, name: file.format === 'json' && dataset.files.length > 1 ? `${dataset.name}-json` : dataset.name })),
);
