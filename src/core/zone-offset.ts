// The offset of an IANA time zone from UTC at an instant, from Intl (which knows every zone's
// rules): the zone's wall clock at that instant read back as if it were UTC, minus the instant.
// Search's day filters (domain/search/zoned-day.ts) and the editor's scheduling field
// (web/admin/zoned-time.ts) both turn wall times into instants with it.

/** Offset of `timeZone` from UTC at `instant` (ms since the epoch), in milliseconds. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
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
