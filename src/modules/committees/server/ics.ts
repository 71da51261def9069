/**
 * iCalendar (RFC 5545) for a body's public meetings, written here rather than with a library: CRLF
 * line ends, lines folded at 75 octets (never inside a UTF-8 sequence, since Hangul is three octets),
 * TEXT values escaped, and times in Seoul local time with a VTIMEZONE for Asia/Seoul (UTC+9, no
 * daylight saving since 1988), so that calendar applications show the hour the city announced.
 */
import type { MeetingSummary } from '../contract.ts';

const seoulOffsetMs = 9 * 60 * 60 * 1000;

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

function seoulLocal(iso: string): string {
  const local = new Date(new Date(iso).getTime() + seoulOffsetMs).toISOString();
  return local.replace(/[-:]/g, '').slice(0, 15);
}

function utcStamp(at: Date): string {
  return `${at.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

const vtimezone = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Seoul',
  'BEGIN:STANDARD',
  'DTSTART:19880509T030000',
  'TZOFFSETFROM:+1000',
  'TZOFFSETTO:+0900',
  'TZNAME:KST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function calendarFeed(
  calendar: { id: string; name: string; host: string; url: (meetingId: string) => string },
  meetings: readonly MeetingSummary[],
  now: Date = new Date(),
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//rightscity//committees//KO',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    'X-WR-TIMEZONE:Asia/Seoul',
    ...vtimezone,
  ];
  for (const meeting of meetings) {
    const location = [meeting.place, meeting.onlineUrl].filter(Boolean).join(' / ');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${meeting.id}@${calendar.host}`,
      `DTSTAMP:${utcStamp(now)}`,
      `DTSTART;TZID=Asia/Seoul:${seoulLocal(meeting.startsAt)}`,
      `DTEND;TZID=Asia/Seoul:${seoulLocal(meeting.endsAt)}`,
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
