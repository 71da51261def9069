import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TemplateSection } from '../contract.ts';
import { type ItemRating, scoreAssessment } from './score.ts';

const item = (key: string, weight: number, scale = 4) => ({
  key,
  text: { ko: key, en: key },
  guidance: { ko: key, en: key },
  scale,
  evidenceRequired: false,
  weight,
});

const sections: TemplateSection[] = [
  { key: 'a', title: { ko: 'A', en: 'A' }, items: [item('a1', 3), item('a2', 1), item('a3', 2)] },
  { key: 'b', title: { ko: 'B', en: 'B' }, items: [item('b1', 2, 2), item('b2', 4)] },
];

const rated = (entries: Record<string, number | 'na'>) =>
  new Map<string, ItemRating>(
    Object.entries(entries).map(([key, value]) => [
      key,
      value === 'na' ? { rating: null, notApplicable: true } : { rating: value, notApplicable: false },
    ]),
  );

describe('assessment scores', () => {
  it('weights each item by its weight and its scale', () => {
    const score = scoreAssessment(sections, rated({ a1: 4, a2: 0, a3: 2, b1: 1, b2: 3 }));
    // a: (3·4/4 + 1·0/4 + 2·2/4) / (3+1+2) = (3 + 0 + 1) / 6 = 66.67 %
    // b: (2·1/2 + 4·3/4) / (2+4) = (1 + 3) / 6 = 66.67 %
    // overall: (4 + 4) / 12 = 66.67 %
    assert.deepEqual(score, {
      overall: 66.7,
      sections: [
        { key: 'a', score: 66.7 },
        { key: 'b', score: 66.7 },
      ],
      rated: 5,
      applicable: 5,
    });
  });

  it('leaves items marked not applicable out of both sums', () => {
    const score = scoreAssessment(sections, rated({ a1: 4, a2: 'na', a3: 0, b1: 'na', b2: 1 }));
    // a: (3 + 0) / (3+2) = 60 %; b: (4·1/4) / 4 = 25 %; overall: (3 + 1) / (5 + 4) = 44.4 %
    assert.equal(score.sections[0]?.score, 60);
    assert.equal(score.sections[1]?.score, 25);
    assert.equal(score.overall, 44.4);
    assert.equal(score.applicable, 3);
    assert.equal(score.rated, 3);
  });

  it('counts the overall score over items, not as the mean of the sections', () => {
    // a: 4/4 on weight 3 = 100 %; b: 0 on weight 4 = 0 %. Mean of sections would be 50 %;
    // by items it is 3 / 7 = 42.9 %.
    const score = scoreAssessment(sections, rated({ a1: 4, b2: 0 }));
    assert.equal(score.overall, 42.9);
    assert.deepEqual(
      score.sections.map((section) => section.score),
      [100, 0],
    );
    assert.equal(score.rated, 2);
    assert.equal(score.applicable, 5);
  });

  it('has no score while nothing applicable is rated', () => {
    const score = scoreAssessment(sections, rated({ a1: 'na', a2: 'na', a3: 'na' }));
    assert.equal(score.overall, null);
    assert.equal(score.sections[0]?.score, null);
    assert.equal(score.applicable, 2);
  });
});
