import type pg from 'pg';
import { preparedStatementNames } from '../repositories/prepared.ts';

/**
 * Makes a pooled connection run the hot statements (those of `prepared`) as named statements:
 * PostgreSQL parses and plans each once per connection instead of at every run, which halved
 * a card's look-up on a partitioned table here (223 µs → 115 µs, most of it the server's
 * planning; docs/architecture.md "Performance"). Every other statement goes as before. A named
 * statement's plan is checked again by PostgreSQL when a table under it changes.
 */
export function withNamedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((text: unknown, values?: unknown, callback?: unknown) => {
    const name = typeof text === 'string' ? preparedStatementNames.get(text) : undefined;
    return name === undefined ? query(text, values, callback) : query({ name, text, values }, callback);
  }) as typeof client.query;
}
