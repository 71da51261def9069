import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countedStatistic, publishedStatistic, statisticCell, statisticOrder } from './statistic.ts';

test('a count from records: 0 is 0, 1–4 is suppressed, 5 and over is the count, no records is not recorded', () => {
  assert.deepEqual(countedStatistic(0), { kind: 'count', value: 0 });
  assert.deepEqual(countedStatistic(1), { kind: 'suppressed' });
  assert.deepEqual(countedStatistic(3), { kind: 'suppressed' });
  assert.deepEqual(countedStatistic(4), { kind: 'suppressed' });
  assert.deepEqual(countedStatistic(5), { kind: 'count', value: 5 });
  assert.deepEqual(countedStatistic(7), { kind: 'count', value: 7 });
  assert.deepEqual(countedStatistic(undefined), { kind: 'not_recorded' });
});

test('a published figure is shown as given, small or not; an absent one is not recorded', () => {
  assert.deepEqual(publishedStatistic(3), { kind: 'count', value: 3 });
  assert.deepEqual(publishedStatistic(0), { kind: 'count', value: 0 });
  assert.deepEqual(publishedStatistic(null), { kind: 'not_recorded' });
});

test('open data cells and sort order keep the three apart', () => {
  assert.deepEqual(
    [0, 3, 7, undefined].map((n) => statisticCell(countedStatistic(n))),
    [0, '<5', 7, null],
  );
  const order = [7, 0, undefined, 3]
    .map(countedStatistic)
    .sort((a, b) => statisticOrder(a) - statisticOrder(b));
  assert.deepEqual(order.map(statisticCell), [null, 0, '<5', 7]);
});
