// RFC 5545 / 5546 text for one mentoring session, plain TypeScript. A meeting keeps one UID for
// its whole life and raises SEQUENCE on every change, so Outlook and Google Calendar update (or
// cancel) the event they already hold instead of adding another.

export interface CalendarPerson {
  name: string;
  email?: string;
}

export interface MeetingCalendarInput {
  uid: string;
  sequence: number;
  /** REQUEST invites or updates; CANCEL withdraws; PUBLISH is a plain download with no reply expected. */
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  startsAt: Date;
  durationMinutes: number;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  organizer: CalendarPerson | null;
  attendees: CalendarPerson[];
  /** When this version of the event was written. */
  stamp: Date;
}

const PRODUCT = '-//Mutuals Network//Mentoring sessions//EN';

/** UTC date-time in the basic format: 20261203T093000Z. */
export function icsDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Parameter values with special characters are quoted; quotes themselves cannot appear. */
function parameterValue(value: string): string {
  const clean = value.replace(/"/g, "'");
  return /[;:,]/.test(clean) ? `"${clean}"` : clean;
}

/** Lines longer than 75 octets fold onto continuation lines starting with a space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character);
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

function person(property: 'ORGANIZER' | 'ATTENDEE', who: CalendarPerson, extra = ''): string | null {
  if (!who.email) return null;
  return `${property};CN=${parameterValue(who.name)}${extra}:mailto:${who.email}`;
}

export function meetingCalendar(input: MeetingCalendarInput): string {
  const end = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
  const cancelled = input.method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    'BEGIN:VEVENT',
    `UID:${input.uid}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${icsDateTime(input.stamp)}`,
    `DTSTART:${icsDateTime(input.startsAt)}`,
    `DTEND:${icsDateTime(end)}`,
    `SUMMARY:${escapeText(input.summary)}`,
    `DESCRIPTION:${escapeText(input.description)}`,
    input.location ? `LOCATION:${escapeText(input.location)}` : null,
    input.url ? `URL:${input.url}` : null,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    input.organizer ? person('ORGANIZER', input.organizer) : null,
    ...input.attendees.map((attendee) => person('ATTENDEE', attendee, ';ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED')),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines
    .filter((line): line is string => line !== null)
    .map(foldLine)
    .join('\r\n')
    .concat('\r\n');
}
