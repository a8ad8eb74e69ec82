// A datetime-local value read in an edition's time zone: fixed offsets, half-hour zones, and both
// sides of a daylight-saving change; malformed values are refused, not guessed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { utcToZonedInput, zonedToUtc } from '../../../src/web/admin/zoned-time.js';

describe('zoned datetime-local', () => {
  it('reads wall time in the zone', () => {
    assert.equal(zonedToUtc('2027-06-01T09:30', 'Asia/Tehran')?.toISOString(), '2027-06-01T06:00:00.000Z');
    assert.equal(zonedToUtc('2027-01-15T12:00', 'UTC')?.toISOString(), '2027-01-15T12:00:00.000Z');
    assert.equal(zonedToUtc('2027-01-15T12:00', 'Europe/Paris')?.toISOString(), '2027-01-15T11:00:00.000Z');
    assert.equal(zonedToUtc('2027-07-15T12:00', 'Europe/Paris')?.toISOString(), '2027-07-15T10:00:00.000Z');
    assert.equal(zonedToUtc('2027-03-28T03:30', 'Europe/Paris')?.toISOString(), '2027-03-28T01:30:00.000Z');
  });
  it('writes an instant back as the zone’s wall time', () => {
    assert.equal(utcToZonedInput(new Date('2027-06-01T06:00:00Z'), 'Asia/Tehran'), '2027-06-01T09:30');
    assert.equal(utcToZonedInput(new Date('2027-07-15T10:00:00Z'), 'Europe/Paris'), '2027-07-15T12:00');
  });
  it('refuses malformed values', () => {
    for (const bad of ['', 'tomorrow', '2027-02-30T10:00', '2027-01-01T24:00', '2027-01-01 10:00', '2027-13-01T10:00']) assert.equal(zonedToUtc(bad, 'UTC'), undefined, bad);
  });
});
