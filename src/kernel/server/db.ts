/**
 * One query layer (Kysely) over two engines: PGlite (embedded PostgreSQL in WebAssembly, files in
 * DATA_DIR) by default, or a PostgreSQL server when DATABASE_URL is set. Both speak the same dialect, so
 * one set of SQL migrations and one set of queries serve both.
 *
 * PGlite is a single session. Two callers that each run BEGIN … COMMIT through it would interleave
 * their statements inside one another's transactions, so the PGlite driver hands out its one
 * connection behind a mutex: a transaction holds it from BEGIN to COMMIT, a lone query for one
 * statement. That serialises every transaction on the embedded engine.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  type PostgresPool,
  type PostgresPoolClient,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';

/** Modules add their own tables with `db.withTables<Tables>()`; the kernel knows none of them. */
export type Db = Kysely<object>;
export type Engine = 'pglite' | 'postgresql';

export interface Database {
  engine: Engine;
  db: Db;
  close(): Promise<void>;
  /** PGlite only: its whole data directory as a tarball, for `pgliteLoadDataDir` (test templates). */
  dumpDataDir?(): Promise<Blob>;
}

// PostgreSQL returns int8 and numeric as strings to protect precision; counts and sums in this
// application fit comfortably in a double, and one representation across both engines matters more.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

/** Rows for `copyRows`, carried to the connection as the statement's one parameter. */
class CopyText {
  constructor(
    readonly target: string,
    readonly text: string,
  ) {}
}

/**
 * Bulk-loads rows with COPY, through `executor` (a transaction's `trx`, so that the rows belong to it):
 * `target` is `table (column, …)`, `text` the rows in COPY's text format (tab-separated, `\N` for null,
 * a newline after each row). PGlite reads them as a blob; PostgreSQL takes them over COPY FROM STDIN
 * on the transaction's own connection. Several times faster than INSERT for many thousand rows.
 */
export async function copyRows(executor: Kysely<object>, target: string, text: string): Promise<void> {
  await executor.executeQuery(CompiledQuery.raw(`copy ${target} from stdin`, [new CopyText(target, text)]));
}

/** A FIFO lock: callers get the session in the order they asked for it. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();

  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => next);
    await previous;
    return release;
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const [copy] = query.parameters;
    if (copy instanceof CopyText) {
      const blob = new Blob([copy.text]);
      const result = await this.pglite.query<R>(`copy ${copy.target} from '/dev/blob'`, [], { blob });
      return { rows: [], numAffectedRows: BigInt(result.affectedRows ?? 0) };
    }
    // Without parameters, use the simple protocol: it accepts several statements at once, which SQL
    // migration files and backup scripts need (the extended protocol takes one).
    if (query.parameters.length === 0) {
      const results = await this.pglite.exec(query.sql);
      const last = results.at(-1);
      return {
        rows: (last?.rows ?? []) as R[],
        numAffectedRows: last?.affectedRows === undefined ? undefined : BigInt(last.affectedRows),
      };
    }
    const result = await this.pglite.query<R>(query.sql, [...query.parameters]);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered by PGlite; callers page instead.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on PGlite; page with LIMIT instead.');
  }
}

class PGliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #releases = new WeakMap<DatabaseConnection, () => void>();

  constructor(private readonly pglite: PGlite) {}

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.lock();
    // Inside a transaction, a query must go through `trx`: one through `db` would wait for the
    // session its own transaction holds (and on PostgreSQL would run outside the transaction).
    const connection = new PGliteConnection(this.pglite);
    this.#releases.set(connection, release);
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#releases.get(connection)?.();
    this.#releases.delete(connection);
  }

  async destroy(): Promise<void> {
    await this.pglite.close();
  }
}

class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver() {
    return new PGliteDriver(this.pglite);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

/** pg's pool, with each client able to run `copyRows`' COPY FROM STDIN. */
function copyingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      const query = (sql: string, parameters: readonly unknown[]) => {
        const [copy] = parameters;
        if (!(copy instanceof CopyText)) return client.query(sql, [...parameters]);
        return new Promise((resolve, reject) => {
          const stream = client.query(copyFromStdin(sql));
          stream.on('error', reject);
          stream.on('finish', () => resolve({ command: 'COPY', rowCount: stream.rowCount, rows: [] }));
          stream.end(copy.text);
        });
      };
      return { query, release: (destroy?: boolean) => client.release(destroy) } as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

export interface OpenOptions {
  /** A PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite's data directory, or `memory://` for a throw-away database (tests). */
  pgliteDir?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** PGlite's buffer pool in MB (PostgreSQL's default, 128, when absent). */
  pgliteSharedBuffersMb?: number;
  /** PGlite: start from this data directory tarball (from `dumpDataDir`) instead of an empty one. */
  pgliteLoadDataDir?: Blob;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // A client that loses its server (restart, failover, immediate shutdown) must not crash the
    // process: the pool reports idle clients here, and a client checked out at that moment emits
    // 'error' on itself besides failing its query (which the request answers as a 500).
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<object>({ dialect: new PostgresDialect({ pool: copyingPool(pool) }) });
    return { engine: 'postgresql', db, close: () => db.destroy() };
  }
  const pglite = await PGlite.create(options.pgliteDir ?? 'memory://', {
    extensions: { pg_trgm },
    ...(options.pgliteLoadDataDir ? { loadDataDir: options.pgliteLoadDataDir } : {}),
    // The buffer pool is allocated and touched inside the WebAssembly heap at start, so all of it is
    // resident from the first second: a small machine trades it for slower reads of what no longer
    // fits (the pages then come through the file system, one call each).
    startParams: [
      ...PGlite.defaultStartParams,
      '-c',
      `shared_buffers=${options.pgliteSharedBuffersMb ?? 128}MB`,
    ],
  });
  const db = new Kysely<object>({ dialect: new PGliteDialect(pglite) });
  return {
    engine: 'pglite',
    db,
    close: () => db.destroy(),
    dumpDataDir: () => pglite.dumpDataDir('none'),
  };
}
