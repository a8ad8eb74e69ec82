// A page of a keyset-paginated list: opaque cursors, never offsets, so pages stay stable while
// new items are published above them.

export interface Page<T> {
  items: T[];
  /** Cursor for the next (older) page, absent on the last page. */
  next?: string | undefined;
  /** Cursor for the previous (newer) page, absent on the first page. */
  prev?: string | undefined;
}

export const MAX_PAGE_SIZE = 100;

export function clampLimit(limit: number | undefined, fallback = 20): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(limit)));
}
