// A sliding-window limiter of failures per client, for anything that must not be guessed at speed
// (bearer tokens today; sign-in and comment posting can take their own instance). Clients are
// keyed by a salted hash of their address (request.ip, which honours TRUST_PROXY), so the memory
// of the limiter never holds an address. The window lives in this process: several servers each
// keep their own, so a client spread over N servers gets N times the allowance.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

export interface FailureLimiterOptions {
  /** Failures allowed within the window; the next request is refused until the oldest one ages out. */
  limit: number;
  windowMs: number;
  /** Clients remembered at once; beyond it the least recently failing are forgotten (bounded memory). */
  maxClients?: number;
  now?: () => number;
}

export interface FailureLimiter {
  /** Seconds to wait when the client is over its allowance, else undefined. Costs one map lookup. */
  retryAfter(request: FastifyRequest): number | undefined;
  /**
   * Records one failure of the client; answers the seconds to wait when this failure is beyond the
   * allowance. Checked after the failure as well as before the attempt, because attempts that
   * arrive together all pass the check before any of them has failed.
   */
  fail(request: FastifyRequest): number | undefined;
  /** Clients currently remembered (for tests and metrics). */
  size(): number;
}

export function createFailureLimiter(options: FailureLimiterOptions): FailureLimiter {
  const { limit, windowMs } = options;
  const maxClients = options.maxClients ?? 10_000;
  const now = options.now ?? Date.now;
  // A fresh salt per process: hashes cannot be compared with any other list of addresses.
  const salt = randomBytes(16);
  // Failure times per client, oldest first, at most `limit` of them. A Map keeps insertion order,
  // so re-inserting a client on each failure makes its first key the least recently failing.
  const failures = new Map<string, number[]>();

  const keyOf = (request: FastifyRequest) => createHash('sha256').update(salt).update(request.ip).digest('base64url');
  const recent = (key: string, at: number) => {
    const times = failures.get(key);
    if (!times) return undefined;
    while (times.length && times[0]! <= at - windowMs) times.shift();
    if (!times.length) {
      failures.delete(key);
      return undefined;
    }
    return times;
  };

  const wait = (times: number[], at: number) => Math.max(1, Math.ceil((times[0]! + windowMs - at) / 1000));

  return {
    retryAfter(request) {
      const at = now();
      const times = recent(keyOf(request), at);
      if (!times || times.length < limit) return undefined;
      return wait(times, at);
    },
    fail(request) {
      const at = now();
      const key = keyOf(request);
      const times = recent(key, at) ?? [];
      const over = times.length >= limit;
      times.push(at);
      if (times.length > limit) times.shift();
      failures.delete(key);
      failures.set(key, times);
      while (failures.size > maxClients) failures.delete(failures.keys().next().value!);
      return over ? wait(times, at) : undefined;
    },
    size: () => failures.size,
  };
}
