import { readFile, stat } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { decodeCsv, detectCsvEncoding } from '../app/csv-file.ts';
import { checkInDelivery, deliveryRowsOf } from '../app/deliveries.ts';
import { parsePlainDate } from '../rules/plain-date.ts';
import { cliActor } from './admin-commands.ts';
import { CliError, write, type CliIo } from './io.ts';
import { progressBar } from './progress.ts';
import type { OpenedApp } from './program.ts';

/** The CSV records of a delivery list with their line numbers; a record the parser cannot read is kept as unreadable. */
function records(text: string): { line: number; cells: string[]; error?: string }[] {
  const found: { line: number; cells: string[]; error?: string }[] = [];
  const parsed = parse(text, {
    relax_column_count: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (error) => {
      found.push({ line: Number(error?.lines ?? 0), cells: [], error: error?.message ?? 'unreadable CSV' });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  for (const { record, info } of parsed) found.push({ line: info.lines, cells: record });
  return found.sort((a, b) => a.line - b.line);
}

/**
 * `deliveries import FILE.csv --office ID --received-on DATE`: a delivery list from J-LIS
 * (`card_id,issue_date`, UTF-8 or Shift_JIS) checked in at its receiving office as the system
 * (docs/pickup.md "Deliveries"). Rejected rows are printed with line, card and code; exit 1 when
 * there were any, so a script notices; a bad file or option is one line and exit 2.
 */
export async function importDelivery(io: CliIo, open: () => Promise<OpenedApp>, file: string, options: { office: string; receivedOn: string }): Promise<number> {
  if (parsePlainDate(options.receivedOn) === undefined) throw new CliError(`--received-on must be a date YYYY-MM-DD, not "${options.receivedOn}"`);
  const size = await stat(file).catch(() => undefined);
  if (!size?.isFile()) throw new CliError(`cannot read ${file}: no such file`);
  const bytes = await readFile(file);
  const encoding = detectCsvEncoding(bytes.subarray(0, 64 * 1024));
  const rows = deliveryRowsOf(records(decodeCsv(bytes)));
  if (!rows.ok) throw new CliError(`${file}: ${rows.error.message}`);
  const { app, close } = await open();
  try {
    if (!app.offices.offices.some((office) => office.id === options.office)) {
      throw new CliError(`--office ${options.office} is not an office of ${app.offices.municipality.name}: ${app.offices.offices.map((office) => office.id).join(', ')}`);
    }
    const started = Date.now();
    const bar = progressBar(io.stderr, 'cards');
    const total = rows.value.length;
    const result = await checkInDelivery(app, cliActor(), { officeId: options.office, receivedOn: options.receivedOn, rows: rows.value }, (done) => bar.update(done, total));
    if (!result.ok) throw new CliError(`${file}: ${result.error.message}`);
    const { accepted, unchanged, rejected, collectBy } = result.value;
    const seconds = (Date.now() - started) / 1000;
    for (const row of rejected) await write(io.stdout, `line ${row.line}: ${row.cardId} ${row.code}: ${row.message}\n`);
    await write(
      io.stdout,
      `${file} (${encoding}): ${total.toLocaleString('en-US')} cards, ${accepted.toLocaleString('en-US')} ready at ${options.office} from ${options.receivedOn} (collect by ${collectBy}), ${unchanged.toLocaleString('en-US')} already checked in, ${rejected.length.toLocaleString('en-US')} rejected, in ${seconds.toFixed(1)} s, ${Math.round(total / Math.max(seconds, 0.001)).toLocaleString('en-US')} cards/s\n`,
    );
    if (rejected.length > 0) throw new CliError(`${rejected.length} cards were not checked in: their lines and codes are above`, 1);
    return 0;
  } finally {
    await close();
  }
}
