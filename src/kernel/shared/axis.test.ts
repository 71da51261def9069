import assert from 'node:assert/strict';
import { test } from 'node:test';
import { valueAxis } from './axis.ts';

function assertCovers(values: number[], options?: { includeZero?: boolean }) {
  const axis = valueAxis(values, options);
  const finite = values.filter(Number.isFinite);
  for (const value of finite) {
    assert.ok(axis.min <= value, `${axis.min} ≤ ${value} (${JSON.stringify(axis)})`);
    assert.ok(axis.max >= value, `${axis.max} ≥ ${value} (${JSON.stringify(axis)})`);
  }
  assert.equal(axis.ticks[0], axis.min);
  assert.equal(axis.ticks.at(-1), axis.max);
  assert.ok(axis.max > axis.min, 'the axis has a length');
  for (let index = 1; index < axis.ticks.length; index++) {
    assert.ok((axis.ticks[index] ?? 0) > (axis.ticks[index - 1] ?? 0), 'ticks ascend');
  }
  assert.ok(axis.ticks.length >= 2 && axis.ticks.length <= 12, `a readable number of ticks: ${axis.ticks}`);
  return axis;
}

test('values up to 162: the top tick is at least 162 (the bug: a 150 axis under a 162)', () => {
  const axis = assertCovers([120, 135, 162]);
  assert.ok(axis.max >= 162);
  assert.equal(axis.min, 0, 'zero is included by default');
  assert.deepEqual(axis.ticks, [0, 50, 100, 150, 200]);
});

test('a maximum just above a round step still gets a tick above it', () => {
  assert.ok(assertCovers([0, 100.5]).max >= 100.5);
  assert.ok(assertCovers([1001]).max >= 1001);
  assert.ok(assertCovers([0.31, 0.07]).max >= 0.31);
});

test('negative values: the bottom tick is at or below the lowest', () => {
  const axis = assertCovers([-37, 12, 48]);
  assert.ok(axis.min <= -37);
  assert.ok(axis.max >= 48);
  assert.ok(axis.ticks.includes(0), 'zero is a tick, so bars can grow from it');
  const allNegative = assertCovers([-5, -162]);
  assert.ok(allNegative.min <= -162);
  assert.equal(allNegative.max, 0);
});

test('all-equal values get an axis with a length around them', () => {
  assertCovers([42, 42, 42]);
  assertCovers([-3, -3]);
  const zeros = assertCovers([0, 0, 0]);
  assert.ok(zeros.max > 0);
  const free = assertCovers([42, 42], { includeZero: false });
  assert.ok(free.min < 42 && free.max > 42, 'without zero the value sits inside the axis');
});

test('a single value', () => {
  const axis = assertCovers([162]);
  assert.ok(axis.max >= 162);
  assertCovers([0.004]);
  assertCovers([-1e9]);
});

test('no values, or only non-finite ones, give the axis 0 to 1', () => {
  assert.deepEqual(valueAxis([]).min, 0);
  assert.ok(valueAxis([]).max >= 1);
  assertCovers([Number.NaN, 7, Number.POSITIVE_INFINITY]);
});

test('without zero the axis hugs the data', () => {
  const axis = assertCovers([1001, 1010, 1042], { includeZero: false });
  assert.ok(axis.min >= 1000, `starts near the data: ${axis.min}`);
});

test('many random sets are always covered', () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let run = 0; run < 2000; run++) {
    const scale = 10 ** Math.floor(random() * 12 - 6);
    const values = Array.from({ length: 1 + Math.floor(random() * 6) }, () => (random() * 2 - 0.6) * scale);
    assertCovers(values);
    assertCovers(values, { includeZero: false });
  }
});
