import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** What the test's own hba line says, so that a run killed before it removed its line has it removed by the next. */
const HBA_MARK = '# madoguchi test/support/streaming-replica.ts, removed when its run ends: pid ';
/** The clusters these tests make, named after the process that made them (pg_lsclusters lists them). */
const CLUSTER_PREFIX = 'madoguchi_replica_';

export interface StreamingReplica {
  /** The URL of `database` on the replica. */
  urlOf(database: string): string;
  /** Runs a query on the replica's `postgres` database. */
  query<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  /** Resolves once the replica has replayed everything the primary had written when it was called. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
  /** Stops and drops the cluster, and takes the replication rule this run added out of the primary's pg_hba.conf. */
  drop(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(what: string, seconds: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`the streaming replica: ${what} did not happen within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function replicationAllowed(primary: URL): Promise<string | undefined> {
  try {
    await run('psql', [`host=${primary.hostname} port=${primary.port || 5432} user=${primary.username || 'postgres'} replication=true dbname=postgres`, '-Atc', 'IDENTIFY_SYSTEM']);
    return undefined;
  } catch (error) {
    return ((error as { stderr?: string }).stderr ?? (error as Error).message).trim();
  }
}

/** Lines of the hba file without those of runs that are over (this one's too, when `own` is given). */
function withoutTestLines(hba: string, own?: number): string {
  return hba
    .split('\n')
    .filter((line) => {
      const at = line.indexOf(HBA_MARK);
      if (at < 0) return true;
      const pid = Number(line.slice(at + HBA_MARK.length));
      return pid !== own && alive(pid);
    })
    .join('\n');
}

/**
 * A streaming replica of the local PostgreSQL cluster behind `primaryUrl` (trust auth on
 * 127.0.0.1), made with pg_createcluster and pg_basebackup -R on a free port, as root. The
 * primary must have wal_level replica and a free WAL sender; those take a restart, so this only
 * says what is missing. It must also let postgres make replication connections from 127.0.0.1:
 * when pg_hba.conf has no such rule, one line is added and the configuration reloaded (no
 * restart), and both are undone by `drop`, or by the next run if this one is killed.
 */
export async function startStreamingReplica(primaryUrl: string): Promise<StreamingReplica> {
  const primary = new URL(primaryUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(primary.hostname)) throw new Error(`the streaming replica is made of a cluster on this machine; TEST_DATABASE_URL names ${primary.hostname}`);
  if (process.getuid?.() !== 0) throw new Error('the streaming replica is made with pg_createcluster and pg_basebackup, which this test runs as root (as CI does)');
  const admin = new pg.Client({ connectionString: primaryUrl });
  await admin.connect();
  const setting = async (name: string) => (await admin.query<{ value: string }>(`select current_setting('${name}') as value`)).rows[0]!.value;
  let hbaFile: string | undefined;
  let cluster: string | undefined;
  let version = '';
  const undo = async () => {
    if (cluster !== undefined) await run('pg_dropcluster', ['--stop', version, cluster]).catch(() => undefined);
    if (hbaFile !== undefined) {
      writeFileSync(hbaFile, withoutTestLines(readFileSync(hbaFile, 'utf8'), process.pid));
      await admin.query('select pg_reload_conf()');
    }
  };
  try {
    version = String(Math.floor(Number(await setting('server_version_num')) / 10000));
    const walLevel = await setting('wal_level');
    if (walLevel === 'minimal') throw new Error(`the primary's wal_level is minimal: set wal_level = replica in its postgresql.conf and restart it`);
    const senders = Number(await setting('max_wal_senders'));
    const { rows } = await admin.query<{ n: number }>(`select count(*)::int as n from pg_stat_replication`);
    if (senders - rows[0]!.n < 2) throw new Error(`the primary has ${senders} WAL senders and ${rows[0]!.n} in use; pg_basebackup -X stream needs 2: raise max_wal_senders in its postgresql.conf and restart it`);

    // Clusters and hba lines that runs killed before their end left behind.
    const { stdout: clusters } = await run('pg_lsclusters', ['--no-header']);
    for (const line of clusters.split('\n')) {
      const [clusterVersion, name] = line.trim().split(/\s+/);
      const pid = Number(name?.startsWith(CLUSTER_PREFIX) ? name.slice(CLUSTER_PREFIX.length).split('_')[0] : NaN);
      if (clusterVersion && name && Number.isInteger(pid) && !alive(pid)) await run('pg_dropcluster', ['--stop', clusterVersion, name]).catch(() => undefined);
    }
    const hba = await setting('hba_file');
    const before = readFileSync(hba, 'utf8');
    if (withoutTestLines(before) !== before) {
      writeFileSync(hba, withoutTestLines(readFileSync(hba, 'utf8')));
      await admin.query('select pg_reload_conf()');
    }

    const refused = await replicationAllowed(primary);
    if (refused !== undefined) {
      // pg_hba's "all" does not cover replication connections: a rule must name them.
      hbaFile = hba;
      appendFileSync(hba, `host replication ${primary.username || 'postgres'} 127.0.0.1/32 trust ${HBA_MARK}${process.pid}\n`);
      await admin.query('select pg_reload_conf()');
      const still = await replicationAllowed(primary);
      if (still !== undefined) throw new Error(`the primary refuses replication connections from 127.0.0.1 even with "host replication postgres 127.0.0.1/32 trust" in ${hba}: ${still}`);
    }

    const port = await freePort();
    cluster = `${CLUSTER_PREFIX}${process.pid}_${randomBytes(3).toString('hex')}`;
    // A hot standby needs these at least as high as the primary's.
    const alike = ['max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction'];
    const options: string[] = [];
    for (const name of alike) options.push('-o', `${name}=${await setting(name)}`);
    await run('pg_createcluster', ['-p', String(port), '--start-conf', 'manual', ...options, version, cluster]);
    const dataDir = (await run('pg_conftool', ['-s', version, cluster, 'show', 'data_directory'])).stdout.trim();
    // The new cluster's own rules ask a password on TCP (Debian's default); the replica is the test's, and trusts 127.0.0.1 as the primary does.
    const replicaHba = (await run('pg_conftool', ['-s', version, cluster, 'show', 'hba_file'])).stdout.trim();
    writeFileSync(replicaHba, 'local all postgres peer\nhost all all 127.0.0.1/32 trust\n');
    for (const entry of readdirSync(dataDir)) rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    await run('runuser', ['-u', 'postgres', '--', 'pg_basebackup', '-h', primary.hostname, '-p', primary.port || '5432', '-U', primary.username || 'postgres', '-D', dataDir, '-R', '-X', 'stream', '-c', 'fast']);
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'start']);

    const url = (database: string) => `postgres://${primary.username || 'postgres'}@127.0.0.1:${port}/${database}`;
    const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        return (await client.query<T>(text, values)).rows;
      } finally {
        await client.end();
      }
    };
    await until('streaming from the primary', 30, async () => (await query<{ status: string }>('select status from pg_stat_wal_receiver'))[0]?.status === 'streaming');
    return {
      urlOf: url,
      query,
      async caughtUp() {
        const { rows: written } = await admin.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
        await until('replaying the primary', 20, async () => (await query<{ done: boolean }>('select pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1) >= 0 as done', [written[0]!.lsn]))[0]!.done);
      },
      stop: async () => void (await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster!, 'stop', '-m', 'fast'])),
      async drop() {
        try {
          await undo();
        } finally {
          await admin.end();
        }
      },
    };
  } catch (error) {
    await undo().catch(() => undefined);
    await admin.end();
    throw error;
  }
}
