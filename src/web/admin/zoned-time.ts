// A datetime-local value ("2026-12-05T09:30") read in an edition's IANA time zone, and back.
// Intl gives the zone's offset at an instant; the local wall time is found by correcting a first
// guess by the offset twice (once more across a daylight-saving change).
import { zoneOffsetMs } from '../../core/zone-offset.js';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The instant a wall-clock time in `zone` names, or undefined for a malformed value. */
export function zonedToUtc(local: string, zone: string): Date | undefined {
  const m = LOCAL.exec(local);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second = '0'] = m.slice(1).map((x) => x ?? '0');
  const guess = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const check = new Date(guess);
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59) return undefined;
  let instant = guess - zoneOffsetMs(guess, zone);
  instant = guess - zoneOffsetMs(instant, zone);
  return new Date(instant);
}

/** An instant as a datetime-local value in `zone`. */
export function utcToZonedInput(instant: Date, zone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), zone));
  return shifted.toISOString().slice(0, 16);
}
