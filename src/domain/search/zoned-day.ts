// The instant a calendar day begins in a time zone: search's date filters are the edition's days,
// not UTC's. Intl knows every zone's offsets; the offset is read at the guessed instant and once
// more at the result, which settles days that begin right after a daylight-saving change.

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The first instant of day y-m-d (m 1–12; d may overflow into the next month) in `timeZone`. */
export function zonedDayStart(day: { y: number; m: number; d: number }, timeZone: string): Date {
  const midnightUtc = Date.UTC(day.y, day.m - 1, day.d);
  let instant = midnightUtc - offsetMs(midnightUtc, timeZone);
  instant = midnightUtc - offsetMs(instant, timeZone);
  return new Date(instant);
}
