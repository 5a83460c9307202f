import Database from 'better-sqlite3';
import workerpool from 'workerpool';

/**
 * A read-only SQLite connection in a process of its own: a statement here can
 * run as long as it likes without holding up the gateway, and the gateway ends
 * the process (and so the statement) when the request's time is up.
 */
const database = openDatabase(process.argv[2]!);

/**
 * A file that cannot be opened (taken away before this worker started) fails
 * each read with SQLite's own error, which the gateway answers as the database
 * being unavailable: a worker that died on starting would leave its reads
 * waiting for ever.
 */
function openDatabase(path: string): Database.Database | Error {
  try {
    const opened = new Database(path, { readonly: true, fileMustExist: true, timeout: 10_000 });
    opened.pragma('cache_size = -16384');
    return opened;
  } catch (error) {
    return error as Error;
  }
}

/** Rows as arrays with the column names once: less to serialise than one object per row. */
export interface ReadResult {
  columns: string[];
  rows: unknown[][];
}

const statements = new Map<string, Database.Statement>();
const MAX_STATEMENTS = 200;

function prepared(sql: string): Database.Statement {
  if (database instanceof Error) throw database;
  let statement = statements.get(sql);
  if (!statement) {
    statement = database.prepare(sql);
    if (!statement.reader) throw new Error('the read pool runs statements that return rows only');
    statement.raw(true);
    statements.set(sql, statement);
    if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
  }
  return statement;
}

function all(sql: string, parameters: unknown[]): ReadResult {
  const statement = prepared(sql);
  return { columns: statement.columns().map((column) => column.name), rows: statement.all(...parameters) as unknown[][] };
}

workerpool.worker({ all });
