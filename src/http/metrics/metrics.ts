import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The server's metrics in the Prometheus format (README "Operations and monitoring" lists them).
 * Each server has a registry of its own, not prom-client's global one, so that every app a test
 * builds counts its own requests. Counters and histograms move as requests and batches happen;
 * the gauges of the records (database, sweep, audit checkpoints) are read when scraped
 * (`refreshRecordMetrics`), so that they also show what another process did (`madoguchi sweep`,
 * a command that wrote a checkpoint). A figure not known (no sweep ever ran, no checkpoint yet,
 * the database away) is NaN.
 */
export interface Metrics {
  readonly registry: Registry;
  /** Requests answered, by method, route pattern (never the path: no ids in labels) and status. */
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly requestDuration: Histogram<'method' | 'route'>;
  /** Requests refused with a problem+json, by its code. */
  readonly refusals: Counter<'code'>;
  /** Commands per group commit of the embedded database (SQLite only). */
  readonly commitBatch: Histogram;
  /** What `openStore`'s `onCommitBatch` is given. */
  readonly observeCommitBatch: (commands: number) => void;
  readonly databaseUp: Gauge;
  readonly databaseSize: Gauge;
  readonly storageFull: Gauge;
  /** The figures of each municipality's sweep and audit chain, by its code (docs/scale.md "Several municipalities"). */
  readonly sweepRunning: Gauge<'municipality'>;
  readonly sweepLastRunFinished: Gauge<'municipality'>;
  readonly sweepLastRunDuration: Gauge<'municipality'>;
  readonly sweepLastRunSucceeded: Gauge<'municipality'>;
  readonly sweepLastRunChanges: Gauge<'municipality' | 'kind'>;
  readonly sweepLastSuccess: Gauge<'municipality'>;
  readonly checkpointAge: Gauge<'municipality'>;
  readonly checkpointNumber: Gauge<'municipality'>;
  readonly checkpointsDamaged: Gauge<'municipality'>;
}

export interface MetricsOptions {
  /** Node's own figures (process_*, nodejs_*: memory, event loop lag, GC); on unless a test has no use for them. */
  readonly processMetrics?: boolean;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const gauge = (name: string, help: string) => new Gauge({ name, help, registers });
  const ofMunicipality = (name: string, help: string) => new Gauge({ name, help, labelNames: ['municipality'], registers });
  const commitBatch = new Histogram({
    name: 'madoguchi_store_commit_batch_commands',
    help: 'Commands sharing one commit of the embedded database (group commit; SQLite only)',
    buckets: [1, 2, 4, 8, 16, 32, 64],
    registers,
  });
  return {
    registry,
    requests: new Counter({ name: 'madoguchi_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers }),
    requestDuration: new Histogram({
      name: 'madoguchi_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    refusals: new Counter({ name: 'madoguchi_http_refusals_total', help: 'Requests answered with a problem+json, by its code', labelNames: ['code'], registers }),
    commitBatch,
    observeCommitBatch: (commands) => commitBatch.observe(commands),
    databaseUp: gauge('madoguchi_database_up', '1 when the database answered the last scrape, else 0'),
    databaseSize: gauge('madoguchi_database_size_bytes', 'Size of the database (SQLite: page_count × page_size; PostgreSQL: pg_database_size)'),
    storageFull: gauge('madoguchi_storage_full', '1 while writes are refused for lack of space, else 0'),
    sweepRunning: ofMunicipality('madoguchi_sweep_running', '1 while a run of the nightly sweep is at work (in any process), else 0'),
    sweepLastRunFinished: ofMunicipality('madoguchi_sweep_last_run_timestamp_seconds', 'When the last finished sweep run ended (Unix time)'),
    sweepLastRunDuration: ofMunicipality('madoguchi_sweep_last_run_duration_seconds', 'How long the last finished sweep run took'),
    sweepLastRunSucceeded: ofMunicipality('madoguchi_sweep_last_run_succeeded', '1 when the last finished sweep run did its work, 0 when it failed or was interrupted'),
    sweepLastRunChanges: new Gauge({
      name: 'madoguchi_sweep_last_run_changes',
      help: 'What the last finished sweep run did for its business day, by kind: abolished, expired, certificatesExpired, refused',
      labelNames: ['municipality', 'kind'],
      registers,
    }),
    sweepLastSuccess: ofMunicipality('madoguchi_sweep_last_success_timestamp_seconds', 'When the last sweep run that did its work ended (Unix time)'),
    checkpointAge: ofMunicipality('madoguchi_audit_checkpoint_age_seconds', 'Seconds since the last audit checkpoint was written'),
    checkpointNumber: ofMunicipality('madoguchi_audit_checkpoint_number', 'The number of the last audit checkpoint'),
    checkpointsDamaged: ofMunicipality('madoguchi_audit_checkpoints_damaged', '1 when the end of the checkpoint file (or its copy) does not check out, else 0'),
  };
}
