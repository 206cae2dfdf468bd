import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../rules/policy.ts';
import { DEFAULT_OFFICES_FILE, loadConfig } from './config.ts';
import { loadOfficeDirectory } from './office-directory.ts';
import { loadPolicy } from './policy-file.ts';

function file(content: unknown): string {
  const target = path.join(mkdtempSync(path.join(tmpdir(), 'madoguchi-config-')), 'file.json');
  writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content));
  return target;
}

describe('loadConfig', () => {
  it('has the defaults of the README', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('data'),
      databaseUrl: undefined,
      logLevel: 'info',
      policyFile: undefined,
      officesFile: DEFAULT_OFFICES_FILE,
      sweepAt: '02:00',
      trustProxy: undefined,
      hsts: false,
    });
  });
  it('takes PUBLIC_URL as an absolute http(s) address, without a trailing slash', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'https://madoguchi.city.example.jp/' }).publicUrl).toBe('https://madoguchi.city.example.jp');
    expect(loadConfig({ PUBLIC_URL: 'https://example.jp/city' }).publicUrl).toBe('https://example.jp/city');
    expect(() => loadConfig({ PUBLIC_URL: 'madoguchi.example.jp' })).toThrow('PUBLIC_URL must be an absolute');
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://example.jp' })).toThrow('PUBLIC_URL must be an absolute');
  });

  it('sends HSTS only when the operator says the site is served over TLS', () => {
    expect(loadConfig({ HSTS: 'on' }).hsts).toBe(true);
    expect(loadConfig({ HSTS: 'off' }).hsts).toBe(false);
    expect(() => loadConfig({ HSTS: 'yes' })).toThrow('HSTS must be on or off');
  });
  it.each([
    ['off', undefined],
    ['0', undefined],
    ['on', 'loopback'],
    ['true', 'loopback'],
    ['10.0.0.5', '10.0.0.5'],
    [' 10.0.0.5, 10.0.1.0/24 ,::1 ', '10.0.0.5,10.0.1.0/24,::1'],
    ['loopback,fd00::/8', 'loopback,fd00::/8'],
  ])('reads TRUST_PROXY=%j as %j', (value, trusted) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toBe(trusted);
  });
  it('reads every setting', () => {
    expect(
      loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATA_DIR: '/var/lib/madoguchi', DATABASE_URL: 'postgres://db/madoguchi', LOG_LEVEL: 'warn' }),
    ).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/var/lib/madoguchi', databaseUrl: 'postgres://db/madoguchi', logLevel: 'warn' });
  });
  it('sends searches and reports to DATABASE_READ_URL only when it is set beside DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/madoguchi' }).databaseReadUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://db/madoguchi', DATABASE_READ_URL: '' }).databaseReadUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://db/madoguchi', DATABASE_READ_URL: 'postgresql://replica:5433/madoguchi' }).databaseReadUrl).toBe('postgresql://replica:5433/madoguchi');
  });
  it.each([
    [{ PORT: 'http' }, 'PORT must be a port number, not "http"'],
    [{ PORT: '70000' }, 'PORT must be a port number, not "70000"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud"'],
    [{ DATABASE_URL: 'mysql://db' }, 'DATABASE_URL must be a postgres:// URL; leave it unset for the embedded database'],
    [{ DATABASE_READ_URL: 'postgres://replica/madoguchi' }, 'DATABASE_READ_URL needs DATABASE_URL: a read replica is one of a PostgreSQL primary, not of the embedded database'],
    [{ DATABASE_URL: 'postgres://db/madoguchi', DATABASE_READ_URL: 'mysql://replica' }, 'DATABASE_READ_URL must be a postgres:// URL of a streaming replica of DATABASE_URL, or unset'],
    [{ SWEEP_AT: '2am' }, 'SWEEP_AT must be a time HH:MM (in Japan) or off, not "2am"'],
    [{ TRUST_PROXY: 'yes please' }, `TRUST_PROXY must be off, on (a proxy on this machine) or the proxies' addresses (e.g. 10.0.0.5,10.0.1.0/24), not "yes please"`],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'not "10.0.0.0/33"'],
    [{ TRUST_PROXY: '10.0.0.5,' }, 'not ""'],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
  it('takes a second place for the audit checkpoints, but not the first place again', () => {
    expect(loadConfig({ AUDIT_CHECKPOINT_COPY_DIR: '/mnt/audit-copy' }).auditCheckpointCopyDir).toBe('/mnt/audit-copy');
    expect(() => loadConfig({ DATA_DIR: '/srv/data', AUDIT_CHECKPOINT_COPY_DIR: '/srv/data/audit-checkpoints/' })).toThrow(
      'AUDIT_CHECKPOINT_COPY_DIR must name another place than DATA_DIR/audit-checkpoints',
    );
  });
  it('backs up nightly only with BACKUP_DIR: at 02:30 in Japan, 7 nights kept, unless told otherwise', () => {
    expect(loadConfig({}).backup).toBeUndefined();
    expect(loadConfig({ DATA_DIR: '/srv/data', BACKUP_DIR: '/mnt/backup' }).backup).toEqual({ dir: '/mnt/backup', at: '02:30', keep: 7 });
    expect(loadConfig({ BACKUP_DIR: '/mnt/backup', BACKUP_TIME: '03:15', BACKUP_KEEP: '30' }).backup).toEqual({ dir: '/mnt/backup', at: '03:15', keep: 30 });
  });
  it.each([
    [{ BACKUP_KEEP: '3' }, 'BACKUP_TIME and BACKUP_KEEP need BACKUP_DIR'],
    [{ DATA_DIR: '/srv/data', BACKUP_DIR: '/srv/data' }, 'BACKUP_DIR must be outside DATA_DIR'],
    [{ DATA_DIR: '/srv/data', BACKUP_DIR: '/srv/data/backups' }, 'BACKUP_DIR must be outside DATA_DIR'],
    [{ BACKUP_DIR: '/mnt/backup', BACKUP_TIME: '2:30' }, 'BACKUP_TIME must be a time HH:MM (in Japan), not "2:30"'],
    [{ BACKUP_DIR: '/mnt/backup', BACKUP_KEEP: '0' }, 'BACKUP_KEEP must be a number of nights from 1, not "0"'],
  ])('refuses the nightly backup settings %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
  it('takes a METRICS_TOKEN long enough not to be guessed, and none by default', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'a'.repeat(64) }).metricsToken).toBe('a'.repeat(64));
    expect(() => loadConfig({ METRICS_TOKEN: 'secret' })).toThrow('METRICS_TOKEN must be at least 32 characters');
    expect(() => loadConfig({ METRICS_TOKEN: `${'a'.repeat(40)} b` })).toThrow('METRICS_TOKEN must be at least 32 characters');
  });
});

describe('loadPolicy', () => {
  it('is the default policy without a file', () => {
    expect(loadPolicy(undefined)).toBe(DEFAULT_POLICY);
  });
  it('lays a partial file over the defaults', () => {
    const policy = loadPolicy(file({ notesCapacity: 6, reissueFees: { lost: { cardFee: 1000 } }, holidayShift: { continuation: 'none' } }));
    expect(policy.notesCapacity).toBe(6);
    expect(policy.reissueFees.lost).toEqual({ cardFee: 1000, certificateFee: 200, policeReport: 'unless-lost-at-home' });
    expect(policy.reissueFees.stolen).toEqual(DEFAULT_POLICY.reissueFees.stolen);
    expect(policy.holidayShift).toEqual({ moveIn: 'next-business-day', continuation: 'none' });
  });
  it.each([
    [{ notesCapacity: 0 }, /notesCapacity must be >= 1/],
    [{ feb29Birthday: 'feb-29' }, /feb29Birthday must be one of/],
    [{ notesCapcity: 6 }, /notesCapcity is not a known field/],
    [JSON.parse('{"__proto__": {"notesCapacity": 99}}'), /__proto__ is not a known field/],
    [{ adultAge: [{ from: '2022-04-01', age: 18 }, { from: '0001-01-01', age: 20 }] }, /adultAge must be in order/],
    ['{"notesCapacity": 6', /is not valid JSON/],
  ])('refuses %j with the field named', (content, message) => {
    expect(() => loadPolicy(file(content))).toThrow(message);
  });
});

describe('loadOfficeDirectory', () => {
  it('reads the offices of the city', () => {
    expect(loadOfficeDirectory(DEFAULT_OFFICES_FILE).offices).toHaveLength(7);
  });
  it('refuses a broken directory', () => {
    const directory = loadOfficeDirectory(DEFAULT_OFFICES_FILE);
    expect(() => loadOfficeDirectory(file({ ...directory, offices: [...directory.offices, directory.offices[0]] }))).toThrow(
      'office id "funabori-center" appears twice',
    );
    expect(() => loadOfficeDirectory(file({ ...directory, hotline: { name: 'x', hours: '24h' } }))).toThrow('hotline.phone is required');
  });
  it('reads each office\'s pickup schedule and refuses one that cannot give slots', () => {
    const directory = loadOfficeDirectory(DEFAULT_OFFICES_FILE);
    expect(directory.offices.find((office) => office.id === 'honcho')?.pickup).toMatchObject({ slotMinutes: 30, capacity: 3, hours: { monday: '9:00–16:30' } });
    const withPickup = (pickup: unknown) => file({ ...directory, offices: [{ ...directory.offices[0], pickup }] });
    const base = { slotMinutes: 30, capacity: 3, hours: { monday: '9:00–16:30' } };
    expect(() => loadOfficeDirectory(withPickup({ ...base, hours: { monday: '16:30–9:00' } }))).toThrow('pickup hours of monday "16:30–9:00" do not open before they close');
    expect(() => loadOfficeDirectory(withPickup({ ...base, hours: { monday: '9:00–9:15' } }))).toThrow('pickup hours of monday are shorter than one slot');
    expect(() => loadOfficeDirectory(withPickup({ ...base, closures: [{ from: '2027-01-10', to: '2027-01-05' }] }))).toThrow('is not a range of days');
    expect(() => loadOfficeDirectory(withPickup({ ...base, hours: { someday: '9:00–16:30' } }))).toThrow();
    expect(() => loadOfficeDirectory(withPickup({ ...base, capacity: 0 }))).toThrow();
    expect(loadOfficeDirectory(withPickup({ ...base, closures: [{ from: '2027-01-05', note: '点検' }] })).offices[0]!.pickup?.closures).toEqual([{ from: '2027-01-05', note: '点検' }]);
  });
});
