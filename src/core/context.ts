// Ctx carries what an operation needs from the outside world (database, time, identity, logging,
// events), so tests can control each of them and no domain code reaches for globals.
import type { EventBus } from './events.js';

export const ROLES = ['admin', 'editor', 'reporter', 'translator', 'moderator'] as const;
export type Role = (typeof ROLES)[number];

export type Actor =
  /** `editions`: the edition codes the account is limited to; absent for every edition. */
  | { kind: 'user'; id: number; role: Role; name: string; editions?: readonly string[] }
  | { kind: 'system'; reason: string }
  | { kind: 'anonymous' };

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

export interface Ctx<Db> {
  db: Db;
  clock: Clock;
  actor: Actor;
  log: Logger;
  events: EventBus;
}

export const systemClock: Clock = { now: () => new Date() };

export const systemActor = (reason: string): Actor => ({ kind: 'system', reason });
export const anonymous: Actor = { kind: 'anonymous' };

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
