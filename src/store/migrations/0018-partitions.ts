import { sql, type Kysely, type Migration } from 'kysely';
import { createMunicipalityPartitions } from '../postgres/municipality-partitions.ts';

/**
 * The tables that grow with a municipality's residents and cards, partitioned by LIST of
 * municipality code (docs/scale.md "Partitions"): the six the issue names and the two that grow
 * with them and are read beside them (a resident's name characters, a card's PINs).
 */
const PARTITIONED = ['residents', 'resident_name_chars', 'resident_numbers', 'cards', 'events', 'chip_pins', 'procedures', 'audit_log'] as const;

const KEY = 'municipality_code';

interface ForeignKey {
  name: string;
  table: string;
  references: string;
  columns: string[];
  referenced: string[];
  on_update: string;
  on_delete: string;
}

const ACTIONS: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

/**
 * Frozen, PostgreSQL only: partitions by municipality, and every key led by the municipality code
 * (docs/scale.md). A database with records in it is converted in the one transaction the migrator
 * runs it in (a city upgrading): each large table is renamed aside, made again as a partitioned
 * table with the same columns (types, the "C" collations of 0002/0015, defaults), given the
 * partitions of every municipality found in it, filled, and dropped; then its constraints and
 * indexes (the trigram ones of 0002/0015 too) are made again from the definitions the catalog held.
 * PostgreSQL wants each unique key of a partitioned table to hold the partition key, and Citus
 * wants it of every distributed table: a primary key `(id)` becomes `(municipality_code, id)`,
 * on the small tables too, and each foreign key `(x) → (id)` becomes
 * `(municipality_code, x) → (municipality_code, id)`. The audit trail's position sequence of 0005
 * is no column default and stands apart from the table: it goes on from where it was.
 */
export const postgres: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    const keyed = await tablesWithMunicipality(db);
    const foreignKeys = (await foreignKeysOf(db)).filter((fk) => keyed.has(fk.table) && keyed.has(fk.references));
    for (const fk of foreignKeys) await sql`alter table ${sql.id(fk.table)} drop constraint ${sql.id(fk.name)}`.execute(db);

    const saved = new Map<string, { constraints: Constraint[]; indexes: string[] }>();
    for (const table of PARTITIONED) {
      saved.set(table, { constraints: await uniqueConstraintsOf(db, table), indexes: await plainIndexesOf(db, table) });
      await sql`alter table ${sql.id(table)} rename to ${sql.id(`${table}_unpartitioned`)}`.execute(db);
      await sql`create table ${sql.id(table)} (like ${sql.id(`${table}_unpartitioned`)} including all excluding indexes) partition by list (${sql.id(KEY)})`.execute(db);
    }
    const codes = new Set<string>();
    for (const table of PARTITIONED) {
      const { rows } = await sql<{ code: string }>`select distinct ${sql.id(KEY)} as code from ${sql.id(`${table}_unpartitioned`)}`.execute(db);
      for (const row of rows) codes.add(row.code);
    }
    for (const code of [...codes].sort()) await createMunicipalityPartitions(db, code);
    for (const table of PARTITIONED) {
      await sql`insert into ${sql.id(table)} select * from ${sql.id(`${table}_unpartitioned`)}`.execute(db);
      await sql`drop table ${sql.id(`${table}_unpartitioned`)}`.execute(db);
      const { constraints, indexes } = saved.get(table)!;
      for (const constraint of constraints) await addUniqueConstraint(db, table, constraint);
      for (const definition of indexes) await sql.raw(definition).execute(db);
    }

    // The small tables stay whole, their keys led by the municipality code as well (Citus distributes them all).
    for (const table of [...keyed].filter((name) => !(PARTITIONED as readonly string[]).includes(name)).sort()) {
      for (const constraint of await uniqueConstraintsOf(db, table)) {
        if (constraint.columns.includes(KEY)) continue;
        await sql`alter table ${sql.id(table)} drop constraint ${sql.id(constraint.name)}`.execute(db);
        await addUniqueConstraint(db, table, constraint);
      }
      const unkeyed = (await uniqueIndexesOf(db, table)).filter((index) => !index.columns.includes(KEY));
      if (unkeyed.length > 0) throw new Error(`the unique index ${unkeyed[0]!.name} of ${table} does not hold ${KEY}: make it so in a migration before 0018`);
    }
    for (const fk of foreignKeys) {
      const columns = fk.columns.includes(KEY) ? fk.columns : [KEY, ...fk.columns];
      const referenced = fk.referenced.includes(KEY) ? fk.referenced : [KEY, ...fk.referenced];
      await sql`alter table ${sql.id(fk.table)} add constraint ${sql.id(fk.name)}
        foreign key (${sql.join(columns.map((column) => sql.id(column)))})
        references ${sql.id(fk.references)} (${sql.join(referenced.map((column) => sql.id(column)))})
        on update ${sql.raw(ACTIONS[fk.on_update]!)} on delete ${sql.raw(ACTIONS[fk.on_delete]!)}`.execute(db);
    }
    for (const table of PARTITIONED) await sql`analyze ${sql.id(table)}`.execute(db);
  },
};

interface Constraint {
  name: string;
  kind: 'p' | 'u';
  columns: string[];
}

/** A primary or unique key, led by the municipality code where it did not hold it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function addUniqueConstraint(db: Kysely<any>, table: string, constraint: Constraint): Promise<void> {
  const columns = constraint.columns.includes(KEY) ? constraint.columns : [KEY, ...constraint.columns];
  const kind = constraint.kind === 'p' ? sql`primary key` : sql`unique`;
  await sql`alter table ${sql.id(table)} add constraint ${sql.id(constraint.name)} ${kind} (${sql.join(columns.map((column) => sql.id(column)))})`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function tablesWithMunicipality(db: Kysely<any>): Promise<Set<string>> {
  const { rows } = await sql<{ table_name: string }>`
    select c.relname as table_name from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = ${KEY} and not a.attisdropped
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition`.execute(db);
  return new Set(rows.map((row) => row.table_name));
}

/** The columns of an index or a constraint, in order, by their attribute numbers. */
const columnsOf = (relation: string, numbers: string) =>
  sql.raw(`array(select a.attname::text from unnest(${numbers}) with ordinality as k(n, i) join pg_attribute a on a.attrelid = ${relation} and a.attnum = k.n order by k.i)`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function uniqueConstraintsOf(db: Kysely<any>, table: string): Promise<Constraint[]> {
  const { rows } = await sql<Constraint>`
    select c.conname as name, c.contype as kind, ${columnsOf('c.conrelid', 'c.conkey')} as columns
    from pg_constraint c where c.conrelid = ${table}::regclass and c.contype in ('p', 'u') order by c.conname`.execute(db);
  return rows;
}

/** The indexes that no constraint made, as the CREATE INDEX statements that make them again (unique and partial ones, trigram ones). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function plainIndexesOf(db: Kysely<any>, table: string): Promise<string[]> {
  const { rows } = await sql<{ definition: string }>`
    select pg_get_indexdef(i.indexrelid) as definition from pg_index i
    where i.indrelid = ${table}::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)
    order by i.indexrelid::regclass::text`.execute(db);
  return rows.map((row) => row.definition);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function uniqueIndexesOf(db: Kysely<any>, table: string): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await sql<{ name: string; columns: string[] }>`
    select i.indexrelid::regclass::text as name, ${columnsOf('i.indrelid', 'i.indkey::int2[]')} as columns
    from pg_index i where i.indrelid = ${table}::regclass and i.indisunique`.execute(db);
  return rows;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function foreignKeysOf(db: Kysely<any>): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey>`
    select c.conname as name, t.relname as "table", r.relname as "references",
      ${columnsOf('c.conrelid', 'c.conkey')} as columns, ${columnsOf('c.confrelid', 'c.confkey')} as referenced,
      c.confupdtype as on_update, c.confdeltype as on_delete
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_class r on r.oid = c.confrelid
    join pg_namespace n on n.oid = t.relnamespace
    where c.contype = 'f' and n.nspname = current_schema() and not t.relispartition
    order by c.conname`.execute(db);
  return rows;
}
