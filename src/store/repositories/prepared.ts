import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { StoreDialect } from '../dialect.ts';
import type { Tables } from '../schema.ts';

/** Stands for one of a prepared query's arguments among its parameters until the query runs. */
class Argument {
  constructor(readonly name: string) {}
}

/**
 * The SQL of every prepared query, with a statement name of its own: PostgreSQL connections run
 * these as named statements, parsed and planned once per connection (store/postgres/named-statements.ts).
 */
export const preparedStatementNames = new Map<string, string>();

/** A query built and compiled once per database kind, run with new arguments each time. */
export type Prepared<A, R> = (scope: { readonly db: Kysely<Tables>; readonly dialect: StoreDialect }, args: A) => Promise<QueryResult<R>>;

/**
 * A query of a hot path, built with Kysely's query builder once per database kind and run after
 * that from its compiled SQL with the arguments put in place of its parameters. Kysely builds an
 * immutable expression tree for every query and compiles it again each time: on a public booking
 * that was half of the JavaScript of its transaction (docs/architecture.md "Performance").
 *
 * `build` receives placeholders for the arguments and must use each one as a value only (a
 * comparison's operand, an inserted or set value), never to choose the query's shape: the shape
 * is fixed by the first run. An argument used where Kysely does not bind it as a parameter is
 * found at the first run and refused.
 */
export function prepared<A extends object, R>(build: (db: Kysely<Tables>, args: A, dialect: StoreDialect) => Compilable<R>): Prepared<A, R> {
  const compiled = new Map<StoreDialect, CompiledQuery<R>>();
  return (scope, args) => {
    let query = compiled.get(scope.dialect);
    if (query === undefined) {
      const used = new Set<string>();
      const placeholders = new Proxy({} as A, {
        get: (_target, name) => {
          used.add(String(name));
          return new Argument(String(name));
        },
      });
      query = build(scope.db, placeholders, scope.dialect).compile();
      const bound = new Set(query.parameters.filter((parameter) => parameter instanceof Argument).map((parameter) => (parameter as Argument).name));
      const unbound = [...used].filter((name) => !bound.has(name));
      if (unbound.length > 0) throw new Error(`a prepared query uses ${unbound.join(', ')} other than as a bound value: ${query.sql}`);
      compiled.set(scope.dialect, query);
      if (!preparedStatementNames.has(query.sql)) preparedStatementNames.set(query.sql, `madoguchi_${preparedStatementNames.size + 1}`);
    }
    const parameters = query.parameters.map((parameter) => (parameter instanceof Argument ? (args as Record<string, unknown>)[parameter.name] : parameter));
    return scope.db.executeQuery<R>({ ...query, parameters });
  };
}
