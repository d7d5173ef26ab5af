// model/keywords.ts: which of a domain's keywords a text contains (the evidence of a tag filed by keywords).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordsIn } from '../../model/keywords.ts';

test('keywordsIn lists the keywords a text contains, in the keywords’ order', () => {
  assert.deepEqual(keywordsIn('推行河长制,河道保洁。', ['湖泊', '河道', '河长制']), ['河道', '河长制']);
  assert.deepEqual(keywordsIn('与任何领域都无关。', ['河道', '河长制']), []);
  assert.deepEqual(keywordsIn('', ['河道']), []);
});

test('a keyword found only inside a longer keyword found too is not separate evidence', () => {
  assert.deepEqual(keywordsIn('全面推行河长制。', ['河长', '河长制']), ['河长制']);
  assert.deepEqual(keywordsIn('推进放管服改革。', ['放管服', '放管服改革', '改革']), ['放管服改革']);
});
