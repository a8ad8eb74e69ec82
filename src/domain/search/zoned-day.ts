// The instant a calendar day begins in a time zone: search's date filters are the edition's days,
// not UTC's. Intl knows every zone's offsets; the offset is read at the guessed instant and once
// more at the result, which settles days that begin right after a daylight-saving change.
import { zoneOffsetMs } from '../../core/zone-offset.js';

/** The first instant of day y-m-d (m 1–12; d may overflow into the next month) in `timeZone`. */
export function zonedDayStart(day: { y: number; m: number; d: number }, timeZone: string): Date {
  const midnightUtc = Date.UTC(day.y, day.m - 1, day.d);
  let instant = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
  instant = midnightUtc - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}
