/**
 * iCalendar (RFC 5545) for a body's public meetings, written here rather than with a library: CRLF
 * line ends, lines folded at 75 octets (never inside a UTF-8 sequence, since Hangul is three octets),
 * TEXT values escaped, and times in the city's local time (the kernel clock's zone) with a VTIMEZONE,
 * so that calendar applications show the hour the city announced. A zone whose offset changes
 * within the meetings' years (daylight saving) gets UTC times instead: still the right instants,
 * without writing that zone's rules here.
 */
import { type Clock, clock } from '../../../kernel/server/city/clock.ts';
import type { MeetingSummary } from '../contract.ts';

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per line, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    // The first line holds 75 octets; a continuation's leading space counts towards its 75.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utcStamp(at: Date): string {
  return `${at.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

const offsetText = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const whole = Math.abs(minutes);
  return `${sign}${String(Math.floor(whole / 60)).padStart(2, '0')}${String(whole % 60).padStart(2, '0')}`;
};

/** The zone's one offset over the meetings' years (January and July of each), or none if it changes. */
function fixedOffset(zone: Clock, meetings: readonly MeetingSummary[], now: Date): number | undefined {
  const years = new Set([
    now.getUTCFullYear(),
    ...meetings.map((m) => new Date(m.startsAt).getUTCFullYear()),
  ]);
  const offsets = new Set(
    [...years].flatMap((year) =>
      [`${year}-01-15T00:00:00Z`, `${year}-07-15T00:00:00Z`].map(zone.offsetMinutes),
    ),
  );
  return offsets.size === 1 ? [...offsets][0] : undefined;
}

export function calendarFeed(
  calendar: { id: string; name: string; host: string; url: (meetingId: string) => string },
  meetings: readonly MeetingSummary[],
  now: Date = clock().now(),
  zone: Clock = clock(),
): string {
  const offset = fixedOffset(zone, meetings, now);
  const local = (iso: string) => `${zone.localDateTime(iso).replace(/[-:]/g, '').replace(' ', 'T')}00`;
  const time = (name: string, iso: string) =>
    offset === undefined
      ? `${name}:${utcStamp(new Date(iso))}`
      : `${name};TZID=${zone.timeZone}:${local(iso)}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//rightscity//committees//KO',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${zone.timeZone}`,
    ...(offset === undefined
      ? []
      : [
          'BEGIN:VTIMEZONE',
          `TZID:${zone.timeZone}`,
          'BEGIN:STANDARD',
          'DTSTART:19700101T000000',
          `TZOFFSETFROM:${offsetText(offset)}`,
          `TZOFFSETTO:${offsetText(offset)}`,
          'END:STANDARD',
          'END:VTIMEZONE',
        ]),
  ];
  for (const meeting of meetings) {
    const location = [meeting.place, meeting.onlineUrl].filter(Boolean).join(' / ');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${meeting.id}@${calendar.host}`,
      `DTSTAMP:${utcStamp(now)}`,
      time('DTSTART', meeting.startsAt),
      time('DTEND', meeting.endsAt),
      `SUMMARY:${escapeText(meeting.title)}`,
      ...(location ? [`LOCATION:${escapeText(location)}`] : []),
      ...(meeting.organiser
        ? [`DESCRIPTION:${escapeText(`${meeting.organiser.ko} (${meeting.organiser.en})`)}`]
        : []),
      `URL:${calendar.url(meeting.id)}`,
      `STATUS:${meeting.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
