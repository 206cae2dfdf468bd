import { isIP } from 'node:net';
import path from 'node:path';
import { parsePlainDate, type PlainDate } from '../rules/plain-date.ts';
import { ConfigError } from './config-error.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything the operator sets, read once from the environment (README "Configuration"). */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  /**
   * A streaming replica of DATABASE_URL's PostgreSQL for searches, reports and exports
   * (docs/architecture.md "Read replica"), or undefined: every read goes to DATABASE_URL.
   */
  readonly databaseReadUrl: string | undefined;
  readonly logLevel: LogLevel;
  readonly policyFile: string | undefined;
  readonly officesFile: string;
  /** The time of day in Japan (HH:MM) the server runs the nightly sweep, or undefined for never. */
  readonly sweepAt: string | undefined;
  /**
   * The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (addresses,
   * CIDR ranges or `loopback`), or undefined: the client is whoever opened the connection.
   */
  readonly trustProxy: string | undefined;
  /** The site is served over TLS (by the reverse proxy): browsers are told to come back only over https. */
  readonly hsts: boolean;
  /** A second place for the audit checkpoints (another disk or a mount), or undefined for none. */
  readonly auditCheckpointCopyDir: string | undefined;
  /** The nightly backup of `serve` (BACKUP_DIR, BACKUP_TIME, BACKUP_KEEP), or undefined for none. */
  readonly backup: { readonly dir: string; readonly at: string; readonly keep: number } | undefined;
  /** The bearer token a Prometheus scraper shows at /metrics, or undefined: no /metrics (404). */
  readonly metricsToken: string | undefined;
  /**
   * MADOGUCHI_TODAY: a training instance's fixed business date (docs/architecture.md "Training
   * mode"), or undefined for a live one.
   */
  readonly trainingDate: PlainDate | undefined;
  /**
   * The address residents reach the site at (PUBLIC_URL, e.g. https://madoguchi.city.example.jp),
   * for the guide's absolute links (hreflang); undefined: the address each request came to.
   */
  readonly publicUrl: string | undefined;
}

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DEFAULT_OFFICES_FILE = path.join(PROJECT_ROOT, 'config', 'offices.json');

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!isLogLevel(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL; leave it unset for the embedded database');
  }
  const databaseReadUrl = env.DATABASE_READ_URL || undefined;
  if (databaseReadUrl !== undefined) {
    // A replica of the embedded file cannot exist: the setting would be ignored, and the operator think searches were off the primary.
    if (databaseUrl === undefined) throw new ConfigError('DATABASE_READ_URL needs DATABASE_URL: a read replica is one of a PostgreSQL primary, not of the embedded database');
    if (!/^postgres(ql)?:\/\//.test(databaseReadUrl)) throw new ConfigError('DATABASE_READ_URL must be a postgres:// URL of a streaming replica of DATABASE_URL, or unset');
  }
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl,
    databaseReadUrl,
    logLevel,
    policyFile: env.POLICY_FILE || undefined,
    officesFile: env.OFFICES_FILE || DEFAULT_OFFICES_FILE,
    sweepAt: sweepAt(env.SWEEP_AT),
    trustProxy: trustProxy(env.TRUST_PROXY),
    hsts: onOff('HSTS', env.HSTS),
    auditCheckpointCopyDir: checkpointCopyDir(env.AUDIT_CHECKPOINT_COPY_DIR, dataDir),
    backup: nightlyBackup(env, dataDir),
    metricsToken: metricsToken(env.METRICS_TOKEN),
    trainingDate: trainingDate(env.MADOGUCHI_TODAY),
    publicUrl: publicUrl(env.PUBLIC_URL),
  };
}

/**
 * BACKUP_DIR turns the nightly backup on (README "Backups and restore"): at BACKUP_TIME (02:30 in
 * Japan, after the sweep of 02:00) into BACKUP_DIR/<date>, the last BACKUP_KEEP nights (7) kept.
 */
function nightlyBackup(env: Readonly<Record<string, string | undefined>>, dataDir: string): Config['backup'] {
  if (!env.BACKUP_DIR) {
    if (env.BACKUP_TIME || env.BACKUP_KEEP) throw new ConfigError('BACKUP_TIME and BACKUP_KEEP need BACKUP_DIR, the directory of the nightly backups');
    return undefined;
  }
  const dir = path.resolve(env.BACKUP_DIR);
  const relative = path.relative(dataDir, dir);
  // A backup beside the master key is lost with the disk that holds it, and gives the key away with the records.
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    throw new ConfigError('BACKUP_DIR must be outside DATA_DIR (another disk or a mount): a backup beside the master key protects nothing');
  }
  const at = env.BACKUP_TIME || '02:30';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(at)) throw new ConfigError(`BACKUP_TIME must be a time HH:MM (in Japan), not "${env.BACKUP_TIME}"`);
  const keep = Number(env.BACKUP_KEEP || 7);
  if (!Number.isInteger(keep) || keep < 1 || keep > 3650) throw new ConfigError(`BACKUP_KEEP must be a number of nights from 1, not "${env.BACKUP_KEEP}"`);
  return { dir, at, keep };
}

/**
 * METRICS_TOKEN: what a scraper must show to read /metrics (docs/security.md "Metrics"). Long
 * enough not to be guessed, and made of the characters a bearer token may hold (RFC 6750).
 */
function metricsToken(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < 32 || !/^[A-Za-z0-9\-._~+/]+=*$/.test(value)) {
    throw new ConfigError('METRICS_TOKEN must be at least 32 characters of letters, digits and -._~+/ (e.g. openssl rand -hex 32), or unset for no /metrics');
  }
  return value;
}

function trainingDate(value: string | undefined): PlainDate | undefined {
  if (!value) return undefined;
  const date = parsePlainDate(value);
  if (date === undefined) throw new ConfigError(`MADOGUCHI_TODAY must be a date YYYY-MM-DD, not "${value}"`);
  return date;
}

function publicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute http:// or https:// URL, not "${value}"`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError(`PUBLIC_URL must be an absolute http:// or https:// URL without query or fragment, not "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}

function checkpointCopyDir(value: string | undefined, dataDir: string): string | undefined {
  if (!value) return undefined;
  const directory = path.resolve(value);
  // A copy is only worth something in another place: the same directory would hold each line twice and nothing else.
  if (directory === path.join(dataDir, 'audit-checkpoints')) {
    throw new ConfigError('AUDIT_CHECKPOINT_COPY_DIR must name another place than DATA_DIR/audit-checkpoints');
  }
  return directory;
}

function sweepAt(value: string | undefined): string | undefined {
  if (value === 'off') return undefined;
  const time = value || '02:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw new ConfigError(`SWEEP_AT must be a time HH:MM (in Japan) or off, not "${value}"`);
  return time;
}

/** Names of address ranges the proxy check knows besides addresses and CIDR ranges. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: off by default; `on` for a proxy on this machine (the loopback addresses); or
 * the proxies' addresses. Only a connection from one of them may say who the client is: a
 * client that writes its own X-Forwarded-For is not believed, so it cannot pass for many.
 */
function trustProxy(value: string | undefined): string | undefined {
  const setting = (value ?? '').trim().toLowerCase();
  if (['', 'off', '0', 'false'].includes(setting)) return undefined;
  if (['on', '1', 'true'].includes(setting)) return 'loopback';
  const entries = setting.split(',').map((entry) => entry.trim());
  const wrong = entries.find((entry) => !PROXY_RANGES.includes(entry) && !isAddressOrRange(entry));
  if (wrong !== undefined) {
    throw new ConfigError(`TRUST_PROXY must be off, on (a proxy on this machine) or the proxies' addresses (e.g. 10.0.0.5,10.0.1.0/24), not "${wrong}"`);
  }
  return entries.join(',');
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

function onOff(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'off') return false;
  if (value === 'on') return true;
  throw new ConfigError(`${name} must be on or off, not "${value}"`);
}
