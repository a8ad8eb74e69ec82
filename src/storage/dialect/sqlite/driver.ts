// SQLite with two connections to one WAL file: a writer for every write and transaction, taken in
// turn, and a reader for plain SELECTs, which never waits for it. Kysely's own SQLite driver has one
// connection behind a mutex, so a long transaction (a related-articles refresh holds one for
// ~100 ms) made every page read wait. WAL lets the reader see the last committed state meanwhile.
// better-sqlite3 is synchronous: a statement runs to completion before anything else does, so the
// reader needs no lock of its own.
import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/** The part of a better-sqlite3 handle the driver uses (a statement cache can stand in for it). */
export interface Handle {
  prepare(sql: string): SQLite.Statement;
  close(): void;
}

function run<R>(handle: Handle, query: CompiledQuery): QueryResult<R> {
  const statement = handle.prepare(query.sql);
  const parameters = query.parameters as unknown[];
  if (statement.reader) return { rows: statement.all(...parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(...parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/** First come, first served: the writer goes to one caller at a time. */
class Turn {
  #held: Promise<void> | undefined;
  #release: (() => void) | undefined;
  async take(): Promise<void> {
    while (this.#held) await this.#held;
    this.#held = new Promise((resolve) => (this.#release = resolve));
  }
  give(): void {
    const release = this.#release;
    this.#held = undefined;
    this.#release = undefined;
    release?.();
  }
}

class RoutedConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(
    private readonly writer: Handle,
    private readonly reader: Handle | undefined,
    private readonly turn: Turn,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return run<R>(this.writer, query);
    if (this.reader && SelectQueryNode.is(query.query)) return run<R>(this.reader, query);
    // A write outside a transaction still waits for one in progress: the writer holds SQLite's
    // write lock, and a synchronous busy wait here would block the thread that must release it.
    await this.turn.take();
    try {
      return run<R>(this.writer, query);
    } finally {
      this.turn.give();
    }
  }

  // eslint-disable-next-line require-yield -- Kysely's interface; nothing here streams
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not used with SQLite');
  }
}

class ReadWriteDriver implements Driver {
  readonly #turn = new Turn();
  constructor(
    private readonly writer: Handle,
    private readonly reader: Handle | undefined,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this.writer, this.reader, this.#turn);
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await this.#turn.take();
    (connection as RoutedConnection).inTransaction = true;
    try {
      run(this.writer, CompiledQuery.raw('begin'));
    } catch (error) {
      (connection as RoutedConnection).inTransaction = false;
      this.#turn.give();
      throw error;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      run(this.writer, CompiledQuery.raw('commit'));
    } finally {
      this.#end(connection);
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      run(this.writer, CompiledQuery.raw('rollback'));
    } finally {
      this.#end(connection);
    }
  }

  #end(connection: DatabaseConnection): void {
    const routed = connection as RoutedConnection;
    if (!routed.inTransaction) return;
    routed.inTransaction = false;
    this.#turn.give();
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    // The reader first: only the last connection to close checkpoints the WAL and removes it, and
    // a read-only one cannot.
    this.reader?.close();
    this.writer.close();
  }
}

/** Kysely's SQLite dialect (compiler, adapter, introspector) over the two-connection driver. */
export class ReadWriteSqliteDialect extends SqliteDialect {
  constructor(
    private readonly writer: Handle,
    private readonly reader: Handle | undefined,
  ) {
    super({ database: writer as unknown as SQLite.Database });
  }

  override createDriver(): Driver {
    return new ReadWriteDriver(this.writer, this.reader);
  }
}
