// PostgreSQL LISTEN/NOTIFY on a dedicated connection (a pooled one may be handed to someone else
// between queries). A lost connection is re-established with backoff; messages sent while it was
// down are lost; the outbox follower's poll reads what they announced anyway.
import pg from 'pg';
import type { Notifier } from '../contract.js';

export function createPostgresNotifier(url: string, onError: (error: unknown) => void): Notifier {
  const handlers = new Map<string, Array<(message: string) => void>>();
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    next.on('notification', (n) => {
      for (const handler of handlers.get(n.channel) ?? []) handler(n.payload ?? '');
    });
    next.on('error', (error) => {
      onError(error);
      reconnect();
    });
    await next.connect();
    for (const channel of handlers.keys()) await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    client = next;
  };

  const reconnect = (delay = 1000) => {
    if (closed || retry) return;
    const old = client;
    client = undefined;
    void old?.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((error: unknown) => {
        onError(error);
        reconnect(Math.min(delay * 2, 30_000));
      });
    }, delay);
    retry.unref();
  };

  return {
    async subscribe(channel, onMessage) {
      const list = handlers.get(channel) ?? [];
      list.push(onMessage);
      handlers.set(channel, list);
      if (!client) await connect();
      else if (list.length === 1) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
