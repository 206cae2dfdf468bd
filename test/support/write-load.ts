/**
 * A process that writes to the records as a busy counter would, for the backup test: residents
 * registered by four clerks' worth of concurrent requests, an audit checkpoint every 25 writes
 * (as the server writes one a minute). Each write is printed as `ack <resident code>` once it is
 * committed — an acknowledged write. Stops when its standard input ends.
 *
 *   node --import tsx test/support/write-load.ts DATA_DIR [DATABASE_URL]
 */
import { writeAuditCheckpoint } from '../../src/app/audit-checkpoints.ts';
import { registerResident } from '../../src/app/residents/register-resident.ts';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { loadMasterKeys } from '../../src/store/key-file.ts';
import { createStaff, openTestApp } from './app.ts';
import type { TestDatabase } from './databases.ts';

const [dataDir, databaseUrl] = process.argv.slice(2) as [string, string | undefined];
const keys = loadMasterKeys(dataDir, undefined);
const database: TestDatabase = { dataDir, databaseUrl: databaseUrl || undefined, copy: () => Promise.reject(new Error('no copy')), drop: async () => undefined };
const t = await openTestApp(database, Buffer.from(keys.current));
const clerk = await createStaff(t.app, `clerk.load${process.pid}`, 'clerk', 'honcho');

function checkDigit(eleven: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(eleven[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

let stopped = false;
process.stdin.on('data', () => undefined);
process.stdin.on('end', () => (stopped = true));

let serial = 0;
let acknowledged = 0;
const say = (line: string) => new Promise<void>((resolve) => process.stdout.write(`${line}\n`, () => resolve()));

async function writer(): Promise<void> {
  while (!stopped) {
    const n = ++serial;
    const eleven = String(40_000_000_000 + process.pid * 100_000 + n).slice(-11);
    const residentCode = String(50_000_000_000 + process.pid * 100_000 + n).slice(-11);
    const result = await registerResident(t.app, clerk, {
      residentCode,
      individualNumber: eleven + checkDigit(eleven),
      familyName: '江戸川',
      givenName: '太郎',
      familyNameKana: 'エドガワ',
      givenNameKana: 'タロウ',
      birthDate: '1985-04-01' as PlainDate,
      sex: 'male',
      address: '東京都江戸川区中央一丁目4番1号',
      nationality: 'JP',
      residency: 'national',
    });
    if (!result.ok) throw new Error(`registration refused: ${result.error.message}`);
    await say(`ack ${residentCode}`);
    if (++acknowledged % 25 === 0) await writeAuditCheckpoint(t.app, 'load');
  }
}

await writeAuditCheckpoint(t.app, 'load');
await say('ready');
await Promise.all([writer(), writer(), writer(), writer()]);
await t.close();
await say('done');
