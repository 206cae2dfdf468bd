import type { Database, Statement } from 'better-sqlite3';

/**
 * The embedded database with its prepared statements kept: Kysely prepares every statement
 * anew, which costs more than running it for the short statements of a command. The cache
 * holds the most recent statements by SQL text (a bounded LRU, so the many shapes of bulk
 * inserts do not pile up); one connection runs one statement at a time, so sharing is safe.
 */
export function withStatementCache(database: Database, capacity = 500): Database {
  const cache = new Map<string, Statement>();
  const uncached = database.prepare.bind(database);
  const prepare = (source: string): Statement => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
    } else {
      statement = uncached(source);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  };
  // An own property shadows the prototype's method, for Kysely's driver and every other caller.
  Object.defineProperty(database, 'prepare', { value: prepare });
  return database;
}
