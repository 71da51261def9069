import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activeDays, clockState } from './deadlines.ts';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('deadline arithmetic', () => {
  it('counts the days between start and end', () => {
    assert.equal(activeDays(at(1), at(11), []), 10);
    assert.equal(activeDays(at(11), at(1), []), 0);
  });

  it('subtracts paused intervals, overlapping ones once, clipped to the clock', () => {
    assert.equal(activeDays(at(1), at(11), [{ start: at(3), end: at(5) }]), 8);
    assert.equal(
      activeDays(at(1), at(11), [
        { start: at(3), end: at(6) },
        { start: at(5), end: at(7) },
      ]),
      6,
    );
    assert.equal(activeDays(at(5), at(11), [{ start: at(1), end: at(7) }]), 4);
    assert.equal(activeDays(at(1), at(11), [{ start: at(9), end: null }]), 8);
  });

  it('is overdue only past the limit, counting paused time out', () => {
    assert.deepEqual(clockState(at(1), at(16), [], 14), { elapsedDays: 15, overdue: true });
    assert.deepEqual(clockState(at(1), at(16), [{ start: at(2), end: at(4) }], 14), {
      elapsedDays: 13,
      overdue: false,
    });
    assert.deepEqual(clockState(at(1), at(15), [], 14), { elapsedDays: 14, overdue: false });
  });
});
