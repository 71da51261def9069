import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zonedClock } from '../../../kernel/shared/zoned-clock.ts';
import type { MeetingSummary } from '../contract.ts';
import { calendarFeed } from './ics.ts';

const meeting = (startsAt: string, endsAt: string) =>
  ({
    id: 'm1',
    title: 'Roundtable',
    startsAt,
    endsAt,
    place: null,
    onlineUrl: null,
    organiser: null,
    cancelled: false,
  }) as unknown as MeetingSummary;
const feed = (timeZone: string, startsAt: string, endsAt: string) =>
  calendarFeed(
    { id: 'b', name: 'Body', host: 'rightscity.sample-city', url: (id) => `/m/${id}` },
    [meeting(startsAt, endsAt)],
    new Date('2031-01-01T00:00:00Z'),
    zonedClock(timeZone),
  );

describe('iCalendar times in the city’s zone', () => {
  it('writes local times with a fixed-offset VTIMEZONE for a zone without daylight saving', () => {
    const text = feed('America/Mexico_City', '2031-03-13T01:00:00Z', '2031-03-13T02:30:00Z');
    // 01:00 UTC on the 13th is 19:00 on the 12th in Mexico City (UTC−6).
    assert.match(text, /DTSTART;TZID=America\/Mexico_City:20310312T190000/);
    assert.match(text, /DTEND;TZID=America\/Mexico_City:20310312T203000/);
    assert.match(text, /TZOFFSETTO:-0600/);
    assert.match(text, /UID:m1@rightscity\.sample-city/);
  });

  it('writes UTC instants for a zone whose offset changes within the year', () => {
    const text = feed('America/New_York', '2031-07-01T23:00:00Z', '2031-07-02T00:00:00Z');
    assert.match(text, /DTSTART:20310701T230000Z/);
    assert.ok(!text.includes('BEGIN:VTIMEZONE'));
  });
});
