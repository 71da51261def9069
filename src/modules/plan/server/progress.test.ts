import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overduePeriods, reportingPeriods, rollUpProgress } from './progress.ts';

describe('rollUpProgress', () => {
  it('rolls weighted progress up through three levels', () => {
    // 1 ← 2 (weight 3) ← {4: 100 (w1), 5: 0 (w3)};  1 ← 3 (weight 1): 60
    const progress = rollUpProgress([
      { id: 1, parentId: null, weight: 1, ownProgress: 10 },
      { id: 2, parentId: 1, weight: 3, ownProgress: 90 },
      { id: 3, parentId: 1, weight: 1, ownProgress: 60 },
      { id: 4, parentId: 2, weight: 1, ownProgress: 100 },
      { id: 5, parentId: 2, weight: 3, ownProgress: null },
    ]);
    assert.equal(progress.get(4), 100);
    assert.equal(progress.get(5), 0);
    assert.equal(progress.get(2), 25, 'the middle level is the weighted mean of its children, not its own');
    assert.equal(progress.get(3), 60);
    // (25 × 3 + 60 × 1) / 4 = 33.75, to one decimal.
    assert.equal(progress.get(1), 33.8);
  });

  it('treats a child whose parent is not listed as a root', () => {
    const progress = rollUpProgress([{ id: 7, parentId: 99, weight: 2, ownProgress: 40 }]);
    assert.equal(progress.get(7), 40);
  });
});

describe('reporting periods and overdue reports', () => {
  it('cuts a year into quarters that end at midnight in Seoul', () => {
    const quarters = reportingPeriods(2024, 4);
    assert.deepEqual(
      quarters.map((period) => [period.code, period.startsOn, period.endsOn]),
      [
        ['2024-Q1', '2024-01-01', '2024-03-31'],
        ['2024-Q2', '2024-04-01', '2024-06-30'],
        ['2024-Q3', '2024-07-01', '2024-09-30'],
        ['2024-Q4', '2024-10-01', '2024-12-31'],
      ],
    );
    assert.equal(quarters[0]?.endsAt.toISOString(), '2024-03-31T15:00:00.000Z');
    assert.equal(reportingPeriods(2024, 12)[1]?.endsOn, '2024-02-29');
    assert.equal(reportingPeriods(2023, 1)[0]?.code, '2023-Y1');
  });

  it('makes a period overdue the moment it ends, unless its latest report is submitted or accepted', () => {
    const quarters = reportingPeriods(2024, 4);
    const justBefore = new Date('2024-03-31T14:59:59.999Z');
    const atEnd = new Date('2024-03-31T15:00:00.000Z');
    assert.deepEqual(overduePeriods(quarters, [], justBefore), []);
    assert.deepEqual(
      overduePeriods(quarters, [], atEnd).map((period) => period.code),
      ['2024-Q1'],
    );
    const late = new Date('2024-10-01T00:00:00Z');
    const reports = [
      { period: '2024-Q1', revision: 1, state: 'accepted' as const },
      { period: '2024-Q2', revision: 1, state: 'returned' as const },
      { period: '2024-Q2', revision: 2, state: 'submitted' as const },
      { period: '2024-Q3', revision: 1, state: 'returned' as const },
    ];
    assert.deepEqual(
      overduePeriods(quarters, reports, late).map((period) => period.code),
      ['2024-Q3'],
      'a returned report leaves its period overdue until it is resubmitted',
    );
  });
});
