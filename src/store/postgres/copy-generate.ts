import { once } from 'node:events';
import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import type { Actor } from '../../app/actor.ts';
import { createAppContext } from '../../app/create-app-context.ts';
import { generateResidents } from '../../app/demo-generate.ts';
import type { Clock } from '../../app/ports/clock.ts';
import type { Repositories, Store } from '../../app/ports/store.ts';
import { systemActor } from '../../app/staff.ts';
import type { OfficeDirectory } from '../../domain/office.ts';
import type { RuleContext } from '../../rules/context.ts';
import { openStore } from '../open-store.ts';
import { cardRepository } from '../repositories/card-repository.ts';
import { chipRepository } from '../repositories/chip-repository.ts';
import { eventRepository } from '../repositories/event-repository.ts';
import { numberRepository } from '../repositories/number-repository.ts';
import { residentRepository } from '../repositories/resident-repository.ts';
import type { Scope } from '../repositories/scope.ts';
import type { Tables } from '../schema.ts';
import { postgresDialect } from './postgres-dialect.ts';

/**
 * Residents generated for many municipalities at once and loaded with COPY (docs/scale.md "Ten
 * million residents"): for a benchmark database, where `demo generate` (one multi-row INSERT per
 * 500 rows, ~3,800 residents/s on PostgreSQL) would take most of a day for ten million.
 *
 * Every row is the one the app makes: each municipality runs the app's own `generateResidents`
 * (deciders, encryption under the key ring, keyed hash, name characters, cards, events, PINs)
 * against its own store, but the repositories that write the bulk — residents, their name
 * characters, numbers, cards, events, PINs — are given a connection that takes their multi-row
 * INSERTs (`insertRows`, scope.ts) and streams the rows as COPY text instead. Everything else,
 * the audit trail above all, goes to the database as usual, in the batch's own transaction: each
 * batch's `demo.generate` entry is chained and MACed by the app, so the trail verifies.
 *
 * The load is not one transaction: the COPY of each table commits at the end of its
 * municipality, the audit entries batch by batch. A generation that fails leaves a database to
 * drop, which is what a benchmark database is for.
 */

/** The repositories whose writes go to COPY; their inserts are insertRows' multi-row INSERTs and nothing else. */
const COPIED = ['residents', 'numbers', 'cards', 'events', 'chip'] as const satisfies readonly (keyof Repositories)[];

/** The statement insertRows writes (scope.ts): `insert into "table" ("a","b") values ($1,$2),(…)`. */
const INSERT_ROWS = /^insert into "([a-z_]+)" \(([^)]+)\) values /;

/** A value as COPY's text format spells it: \N for null, and the backslash, tab and line breaks escaped. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

/** One table's COPY on a connection of its own, opened at the first rows with the columns they name. */
interface TableCopy {
  readonly client: pg.Client;
  readonly stream: ReturnType<typeof pgCopy.from>;
  readonly columns: string;
  rows: number;
  failed: Error | undefined;
}

/**
 * A Kysely whose connection writes insertRows' INSERTs as COPY rows into the table they name
 * (the partitioned parent: PostgreSQL sends each row to its municipality's partition) and refuses
 * any other statement, so that a repository that starts reading or writing otherwise in
 * `generateResidents` fails here at once rather than being skipped.
 */
function copyingDatabase(databaseUrl: string) {
  const copies = new Map<string, Promise<TableCopy>>();
  const open = async (table: string, columns: string): Promise<TableCopy> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    // The trigram indexes of the residents (GIN) take new rows into a pending list, merged into
    // the index when it fills: a larger list merges less often (no gain measured at 100,000 on
    // the busy test machine; a default of 4 MB merges every few thousand residents).
    await client.query(`set gin_pending_list_limit = '256MB'`);
    const stream = client.query(pgCopy.from(`copy "${table}" (${columns}) from stdin`));
    const copy: TableCopy = { client, stream, columns, rows: 0, failed: undefined };
    // A row PostgreSQL refuses ends the COPY: said at the next rows or at the end, not as an uncaught error.
    stream.on('error', (error) => (copy.failed ??= error));
    return copy;
  };
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const match = INSERT_ROWS.exec(query.sql);
      if (!match) throw new Error(`copy generation writes only insertRows' INSERTs, not: ${query.sql.slice(0, 120)}`);
      const [, table, columns] = match as unknown as [string, string, string];
      let pending = copies.get(table);
      if (pending === undefined) copies.set(table, (pending = open(table, columns)));
      const copy = await pending;
      if (copy.failed) throw copy.failed;
      if (copy.columns !== columns) throw new Error(`copy generation got rows of ${table} with other columns: ${columns}`);
      const width = columns.split(',').length;
      const { parameters } = query;
      let text = '';
      for (let at = 0; at < parameters.length; at += width) {
        for (let column = 0; column < width; column++) text += (column === 0 ? '' : '\t') + copyText(parameters[at + column]);
        text += '\n';
      }
      copy.rows += parameters.length / width;
      if (!copy.stream.write(text)) await once(copy.stream, 'drain');
      return { rows: [], numAffectedRows: BigInt(parameters.length / width) };
    },
    streamQuery: () => {
      throw new Error('copy generation streams no query');
    },
  };
  const driver: Driver = {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: async () => undefined,
    commitTransaction: async () => undefined,
    rollbackTransaction: async () => undefined,
    releaseConnection: async () => undefined,
    destroy: async () => undefined,
  };
  const db = new Kysely<Tables>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return {
    db,
    /** Ends every COPY (each commits as it ends) and says how many rows each table got. */
    async finish(): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const [table, pending] of copies) {
        const copy = await pending;
        if (copy.failed) throw copy.failed;
        copy.stream.end();
        await once(copy.stream, 'finish');
        await copy.client.end();
        counts[table] = copy.rows;
      }
      copies.clear();
      return counts;
    },
    /** Abandons every COPY: what was streamed is not written. */
    async abort(): Promise<void> {
      for (const pending of copies.values()) {
        const copy = await pending.catch(() => undefined);
        copy?.stream.destroy(new Error('copy generation failed'));
        await copy?.client.end().catch(() => undefined);
      }
      copies.clear();
    },
  };
}

export interface CopyGenerateSettings {
  readonly databaseUrl: string;
  readonly masterKey: Buffer;
  readonly rules: RuleContext;
  /** The offices every municipality's cards are picked up at; its municipality code is replaced by each one's. */
  readonly offices: OfficeDirectory;
  readonly municipalityCodes: readonly string[];
  readonly residentsEach: number;
  readonly actor?: Actor;
  /** The business clock (the system's by default): the cards' dates run back from its today. */
  readonly clock?: Clock;
  /**
   * The serials given before (0 by default): municipalities added to a database generated
   * before start after its residents, so that their numbers are new too.
   */
  readonly serialsBefore?: number;
  /** How many municipalities are generated at once (2 by default). */
  readonly parallel?: number;
  /** Told after each batch of 1,000 residents, with the residents generated so far. */
  readonly progress?: (progress: { readonly municipalityCode: string; readonly residents: number }) => void;
}

export interface CopyGenerated {
  readonly residents: number;
  /** Rows written, by table, the audit trail's among them. */
  readonly rows: Record<string, number>;
  readonly seconds: number;
}

/**
 * `residentsEach` residents in each of the municipalities, on PostgreSQL, through COPY (above);
 * every municipality's partitions are made first, and the planner's statistics refreshed last.
 * The residents' serials run on from one municipality to the next, so that no two residents
 * anywhere share an individual number or a resident code.
 */
export async function copyGenerate(settings: CopyGenerateSettings): Promise<CopyGenerated> {
  const started = Date.now();
  const rows: Record<string, number> = {};
  let residents = 0;
  let next = 0;
  // Every municipality's partitions first, one after another. Making a partition locks its
  // partitioned table: made while another municipality's COPY into that table runs, it waits for
  // the COPY to end, while the COPY's batch waits for the audit trail's table, which the partition
  // maker locked a moment before. Neither can see the other wait (the COPY waits for its client),
  // so nothing breaks the tie: the first ten-million run hung there at 9,200,000.
  for (const municipalityCode of settings.municipalityCodes) {
    const store = openStore({ dataDir: '', databaseUrl: settings.databaseUrl, municipalityCode });
    try {
      await store.migrate();
    } finally {
      await store.close();
    }
  }
  // Municipalities side by side: while one waits for PostgreSQL to take its rows, another's are made.
  const worker = async () => {
    while (next < settings.municipalityCodes.length) {
      const index = next++;
      const counts = await generateMunicipality(settings, index, (batch) => {
        residents += batch;
        settings.progress?.({ municipalityCode: settings.municipalityCodes[index]!, residents });
      });
      for (const [table, count] of Object.entries(counts)) rows[table] = (rows[table] ?? 0) + count;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, settings.parallel ?? 2) }, worker));
  const analyse = new pg.Client({ connectionString: settings.databaseUrl });
  await analyse.connect();
  try {
    await analyse.query('analyze');
  } finally {
    await analyse.end();
  }
  return { residents, rows, seconds: (Date.now() - started) / 1000 };
}

/** One municipality's residents (its partitions made before); the rows written, by table. */
async function generateMunicipality(settings: CopyGenerateSettings, index: number, generated: (residents: number) => void): Promise<Record<string, number>> {
  const municipalityCode = settings.municipalityCodes[index]!;
  // A batch's transaction waits, between its statements, for the COPY streams to drain (above),
  // as long as PostgreSQL takes over the rows: no idle timeout ends it (docs/architecture.md "Databases").
  const store = openStore({ dataDir: '', databaseUrl: settings.databaseUrl, municipalityCode, idleInTransactionTimeoutMs: 0 });
  const copying = copyingDatabase(settings.databaseUrl);
  try {
    const copied = copyingRepositories({ db: copying.db, dialect: postgresDialect, municipalityCode });
    const serialsBefore = (settings.serialsBefore ?? 0) + index * settings.residentsEach;
    const copyingStore: Store = {
      ...store,
      // The first serial generateResidents takes is the count of residents plus one.
      read: Object.create(store.read, { residents: { value: { ...store.read.residents, count: async () => serialsBefore } } }) as Repositories,
      transaction: (work) => store.transaction((tx) => work(withCopies(tx, copied))),
      // One ANALYZE at the end, for every municipality.
      optimize: async () => undefined,
    };
    const app = createAppContext({
      store: copyingStore,
      masterKey: settings.masterKey,
      rules: settings.rules,
      offices: { ...settings.offices, municipality: { ...settings.offices.municipality, code: municipalityCode } },
      ...(settings.clock && { clock: settings.clock }),
    });
    let batches = 0;
    let done = 0;
    await generateResidents(app, settings.actor ?? systemActor('copy-generate'), settings.residentsEach, (progress) => {
      batches++;
      generated(progress.done - done);
      done = progress.done;
    });
    // One `demo.generate` entry per batch, written by the app in the batch's transaction.
    return { ...(await copying.finish()), audit_log: batches };
  } catch (error) {
    await copying.abort();
    throw error;
  } finally {
    await store.close();
  }
}

/** The repositories that write the bulk, on the COPY connection. */
function copyingRepositories(scope: Scope): Pick<Repositories, (typeof COPIED)[number]> {
  return { residents: residentRepository(scope), numbers: numberRepository(scope), cards: cardRepository(scope), events: eventRepository(scope), chip: chipRepository(scope) };
}

/** A transaction's repositories with the bulk ones writing to COPY instead. */
function withCopies(tx: Repositories, copied: Pick<Repositories, (typeof COPIED)[number]>): Repositories {
  return Object.create(tx, Object.fromEntries(COPIED.map((name) => [name, { value: copied[name] }]))) as Repositories;
}
