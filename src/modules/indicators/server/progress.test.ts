import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressMethod, progressStatus } from './progress.ts';

const baseline = { year: 2015, value: 100 };

describe('progress status (Open SDG method)', () => {
  it('target achieved when the latest value reaches the target in the desired direction', () => {
    assert.equal(
      progressStatus({
        baseline,
        target: { year: 2025, value: 120 },
        latest: { year: 2020, value: 121 },
        direction: 'increase',
      }).status,
      'target_achieved',
    );
    assert.equal(
      progressStatus({
        baseline,
        target: { year: 2025, value: 80 },
        latest: { year: 2020, value: 80 },
        direction: 'decrease',
      }).status,
      'target_achieved',
    );
  });

  it('with a target, grades the ratio of actual to required growth', () => {
    const target = { year: 2025, value: 200 };
    // Required: doubling in 10 years; halfway in time, at the required pace → ratio 1.
    const onPace = 100 * 2 ** 0.5;
    const grade = (value: number) =>
      progressStatus({ baseline, target, latest: { year: 2020, value }, direction: 'increase' });
    assert.equal(grade(onPace).status, 'substantial_progress');
    assert.ok(Math.abs((grade(onPace).measure ?? 0) - 1) < 1e-9);
    assert.equal(grade(100 * 2 ** (0.5 * 0.7)).status, 'moderate_progress');
    assert.equal(grade(100 * 2 ** (0.5 * 0.2)).status, 'limited_progress');
    assert.equal(grade(100).status, 'limited_progress');
    assert.equal(grade(90).status, 'deterioration');
  });

  it('without a target, grades the growth rate, turned for a desired decrease', () => {
    const grade = (value: number, direction: 'increase' | 'decrease') =>
      progressStatus({ baseline, target: null, latest: { year: 2016, value }, direction }).status;
    assert.equal(grade(102, 'increase'), 'substantial_progress');
    assert.equal(grade(100.8, 'increase'), 'moderate_progress');
    assert.equal(grade(100.3, 'increase'), 'limited_progress');
    assert.equal(grade(99, 'increase'), 'deterioration');
    assert.equal(grade(98, 'decrease'), 'substantial_progress');
    assert.equal(grade(102, 'decrease'), 'deterioration');
  });

  it('not enough data without a baseline, a later value, a direction, or a computable growth', () => {
    const latest = { year: 2020, value: 110 };
    assert.equal(
      progressStatus({ baseline: null, target: null, latest, direction: 'increase' }).status,
      'not_enough_data',
    );
    assert.equal(
      progressStatus({ baseline, target: null, latest: null, direction: 'increase' }).status,
      'not_enough_data',
    );
    assert.equal(
      progressStatus({ baseline, target: null, latest, direction: null }).status,
      'not_enough_data',
    );
    assert.equal(
      progressStatus({ baseline, target: null, latest: { year: 2015, value: 110 }, direction: 'increase' })
        .status,
      'not_enough_data',
    );
    assert.equal(
      progressStatus({ baseline: { year: 2015, value: 0 }, target: null, latest, direction: 'increase' })
        .status,
      'not_enough_data',
    );
  });

  it('documents every status it can return, in both languages', () => {
    const documented = progressMethod.statuses.map((entry) => entry.status).sort();
    assert.deepEqual(documented, [
      'deterioration',
      'limited_progress',
      'moderate_progress',
      'not_enough_data',
      'substantial_progress',
      'target_achieved',
    ]);
    for (const entry of progressMethod.statuses) assert.ok(entry.label.ko && entry.rule.ko && entry.rule.en);
  });
});
