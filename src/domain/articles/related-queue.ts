// The process-wide queue that runs related-article refreshes and rebuilds one after another. Not
// needed for correctness (each refresh takes its edition's lock in its transaction); it keeps the
// listeners, which start a refresh per event without waiting, from piling transactions onto the
// pool only to queue on that lock, and on SQLite from holding the one connection back to back.
let queue: Promise<unknown> = Promise.resolve();

export function serialized<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}
