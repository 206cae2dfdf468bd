import { sql, type Kysely, type Transaction } from 'kysely';

/** A 全国地方公共団体コード with its check digit, as config/offices.json holds it (domain/office.ts). */
const MUNICIPALITY_CODE = /^[0-9]{6}$/;

/** One advisory lock for every change of partitions: two servers opening for a new municipality at once make its partitions once. */
const PARTITIONS_LOCK = 1_835_627_118;

/** A municipality code that cannot name a partition: said plainly, before anything is changed. */
export class MunicipalityCodeError extends Error {
  override readonly name = 'MunicipalityCodeError';
  readonly code = 'STORE.MUNICIPALITY_CODE_INVALID';
}

/** The name of `table`'s partition for one municipality: `residents_m131237`. */
export function partitionName(table: string, municipalityCode: string): string {
  return `${table}_m${municipalityCode}`;
}

/**
 * Makes the partitions of one municipality in every table partitioned by municipality code
 * (docs/scale.md "Partitions"), those it does not have yet; idempotent, and cheap when they are
 * all there (one catalog query under an advisory lock). The tables are found in the catalog, not
 * listed here: a later migration that partitions another table needs no change here. Returns the
 * partitions it made.
 *
 * There is no DEFAULT partition: a row of a municipality without partitions is refused by
 * PostgreSQL (23514, "no partition of relation … found for row"), so nothing is written and
 * nothing lands where a query of one municipality would have to scan it too. Every store opens
 * for one municipality and makes its partitions as it migrates (open-store.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createMunicipalityPartitions(db: Kysely<any>, municipalityCode: string): Promise<string[]> {
  if (!MUNICIPALITY_CODE.test(municipalityCode)) {
    throw new MunicipalityCodeError(`a municipality code is six digits (全国地方公共団体コード), not ${JSON.stringify(municipalityCode)}: no partitions were made`);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const work = async (trx: Kysely<any>) => {
    await sql`select pg_advisory_xact_lock(${PARTITIONS_LOCK})`.execute(trx);
    const { rows } = await sql<{ table_name: string; has_partition: boolean }>`
      select parent.relname as table_name,
        exists (
          select 1 from pg_inherits i join pg_class child on child.oid = i.inhrelid
          where i.inhparent = parent.oid and pg_get_expr(child.relpartbound, child.oid) = ${`FOR VALUES IN ('${municipalityCode}')`}
        ) as has_partition
      from pg_partitioned_table p
      join pg_class parent on parent.oid = p.partrelid
      join pg_namespace n on n.oid = parent.relnamespace
      join pg_attribute a on a.attrelid = parent.oid and a.attnum = p.partattrs[0]
      where n.nspname = current_schema() and p.partstrat = 'l' and p.partnatts = 1 and a.attname = 'municipality_code'
      order by parent.relname`.execute(trx);
    const made: string[] = [];
    for (const { table_name: table } of rows.filter((row) => !row.has_partition)) {
      const name = partitionName(table, municipalityCode);
      await sql`create table ${sql.id(name)} partition of ${sql.id(table)} for values in (${sql.lit(municipalityCode)})`.execute(trx);
      made.push(name);
    }
    return made;
  };
  return db.isTransaction ? work(db as Transaction<unknown>) : db.transaction().execute(work);
}
