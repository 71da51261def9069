import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clock, setClockNow, zonedClock } from './clock.ts';

describe('the kernel clock', () => {
  it("gives Seoul's date at 01:00 Seoul time, which is still the previous day in UTC", () => {
    const seoul = zonedClock('Asia/Seoul', () => new Date('2026-03-09T16:00:00Z'));
    assert.equal(seoul.today(), '2026-03-10');
    assert.equal(seoul.localDateTime(), '2026-03-10 01:00');
    assert.equal(seoul.year(), 2026);
    assert.equal(seoul.addDays(seoul.today(), 30), '2026-04-09');
    assert.deepEqual(seoul.startOfDay('2026-03-10'), new Date('2026-03-09T15:00:00Z'));
    assert.deepEqual(seoul.endOfDay('2026-03-10'), new Date('2026-03-10T15:00:00Z'));
  });

  it('crosses the year at local midnight in Seoul', () => {
    const seoul = zonedClock('Asia/Seoul', () => new Date('2026-12-31T15:30:00Z'));
    assert.equal(seoul.today(), '2027-01-01');
    assert.equal(seoul.year(), 2027);
  });

  it("keeps Mexico City's day until its own midnight (UTC−6), a day boundary UTC has already crossed", () => {
    const mexico = zonedClock('America/Mexico_City', () => new Date('2026-03-10T05:59:00Z'));
    assert.equal(mexico.today(), '2026-03-09');
    assert.equal(mexico.localDateTime(), '2026-03-09 23:59');
    assert.equal(mexico.dateOf('2026-03-10T06:00:00Z'), '2026-03-10');
    assert.deepEqual(mexico.startOfDay('2026-03-10'), new Date('2026-03-10T06:00:00Z'));
  });

  it('finds local midnight on a daylight-saving day (New York, 8 March 2026: 23 hours)', () => {
    const ny = zonedClock('America/New_York');
    assert.deepEqual(ny.startOfDay('2026-03-08'), new Date('2026-03-08T05:00:00Z'));
    assert.deepEqual(ny.endOfDay('2026-03-08'), new Date('2026-03-09T04:00:00Z'));
  });

  it('stands still at the instant a test sets, then runs again', () => {
    // No configuration read in this file: the default city's clock (Gwangju's, Asia/Seoul).
    assert.equal(clock().timeZone, 'Asia/Seoul');
    const restore = setClockNow('2026-03-09T16:00:00Z');
    try {
      assert.equal(clock().today(), '2026-03-10');
      assert.deepEqual(clock().now(), new Date('2026-03-09T16:00:00Z'));
    } finally {
      restore();
    }
    assert.ok(Math.abs(clock().now().getTime() - Date.now()) < 5000);
  });
});
