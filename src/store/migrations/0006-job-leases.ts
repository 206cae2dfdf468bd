import type { Kysely } from 'kysely';

/**
 * Frozen: the lease that lets one run of a nightly job go at a time, whichever process starts it
 * (the server's timer, the HTTP route, `madoguchi sweep`): the run that holds it, its host and
 * process, and until when. A run renews it while it works; the next run may take a lease that ran
 * out, or whose process on the same host has ended. A row without a run is a free lease, there to
 * be locked.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .addColumn('host', 'text')
    .addColumn('pid', 'integer')
    .addColumn('expires_at', 'text')
    .addPrimaryKeyConstraint('job_leases_key', ['municipality_code', 'job'])
    .execute();
}
