import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Frozen: the order in which audit entries were appended, across every chain, so the trail is
 * listed in that order and never by the wall clock (which an NTP step can move back). Entries
 * written before get their order from their time, kept in sequence within each chain: the
 * latest time so far in the chain, then the chain and the sequence.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('position', 'bigint').execute();
  await sql`update audit_log set position = ranked.n
    from (
      select municipality_code as m, chain as c, seq as s, row_number() over (order by running_at, chain, seq) as n
      from (
        select municipality_code, chain, seq,
          max(at) over (partition by municipality_code, chain order by seq rows between unbounded preceding and current row) as running_at
        from audit_log
      ) as running
    ) as ranked
    where audit_log.municipality_code = ranked.m and audit_log.chain = ranked.c and audit_log.seq = ranked.s`.execute(db);
  await db.schema.createIndex('audit_log_position').on('audit_log').columns(['municipality_code', 'position']).execute();
}

/**
 * Frozen, PostgreSQL only: writers of different chains run in parallel there, so a sequence hands
 * each its position without a lock (SQLite has one writer, which takes the last position plus one).
 */
export const postgresSequence: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await sql`create sequence audit_log_position_seq as bigint`.execute(db);
    await sql`select setval('audit_log_position_seq', coalesce(max(position), 0) + 1, false) from audit_log`.execute(db);
  },
};
