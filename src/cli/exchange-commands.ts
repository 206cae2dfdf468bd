import { createReadStream } from 'node:fs';
import { open as openFile, stat, writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { csvCell, csvText, decodeStream, detectCsvEncoding, encodeStream, isCsvEncoding, notInShiftJis, type CsvEncoding } from '../app/csv-file.ts';
import { CARD_COLUMNS, EXPORT_PURPOSES, exportCards, exportResidents, importResidents, RESIDENT_COLUMNS, type ImportLine } from '../app/registry-exchange.ts';
import { cliActor } from './admin-commands.ts';
import { CliError, write, type CliIo } from './io.ts';
import { progressBar } from './progress.ts';
import type { OpenedApp } from './program.ts';

async function sampleOf(file: string): Promise<Buffer> {
  const handle = await openFile(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** How many lines the file has (for the progress bar), counted on the bytes: LF is one byte in both encodings. */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
    last = chunk.at(-1) ?? last;
  }
  return last === 10 ? lines : lines + 1;
}

/**
 * The file's records with their line numbers. A record the CSV parser cannot read (an unclosed
 * quote) comes out with its error, so it is reported like any other bad row and the rest is read.
 */
async function* csvLines(file: string, encoding: CsvEncoding): AsyncGenerator<ImportLine> {
  const skipped: ImportLine[] = [];
  const parser = parse({
    relax_column_count: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (error) => {
      skipped.push({ line: Number(error?.lines ?? 0), cells: [], error: `INPUT.INVALID: ${error?.message ?? 'unreadable CSV'}` });
      return undefined;
    },
  });
  const source = createReadStream(file).pipe(decodeStream(encoding)).pipe(parser);
  for await (const { record, info } of source as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield* skipped.splice(0);
    yield { line: info.lines, cells: record };
  }
  yield* skipped.splice(0);
}

/**
 * `import residents FILE.csv [--report FILE]`: residents from the registry system. Bad rows go
 * to the report with line and reason (never the row itself: it holds the number); exit 1 when
 * there were any, so a script notices.
 */
export async function importCommand(io: CliIo, open: () => Promise<OpenedApp>, kind: string, file: string, options: { report?: string }): Promise<number> {
  if (kind !== 'residents') throw new CliError(`there is nothing to import as "${kind}"; import residents FILE.csv`);
  const size = await stat(file).catch(() => undefined);
  if (!size?.isFile()) throw new CliError(`cannot read ${file}: no such file`);
  const encoding = detectCsvEncoding(await sampleOf(file));
  const total = Math.max((await countLines(file)) - 1, 0);
  const reportFile = options.report ?? `${file.replace(/\.csv$/i, '')}.report.csv`;
  const { app, close } = await open();
  try {
    const started = Date.now();
    const bar = progressBar(io.stderr, 'residents');
    const result = await importResidents(app, cliActor(), csvLines(file, encoding), (rows) => bar.update(Math.min(rows, total), total));
    if (!result.ok) throw new CliError(`${file}: ${result.error.message}`);
    const { rows, imported, unchanged, rejected } = result.value;
    const seconds = (Date.now() - started) / 1000;
    await writeFile(reportFile, csvText(['line', 'reason'], rejected.map(({ line, reason }) => [line, reason])), { mode: 0o600 });
    await write(
      io.stdout,
      `${file} (${encoding}): ${rows.toLocaleString('en-US')} rows, ${imported.toLocaleString('en-US')} imported, ${unchanged.toLocaleString('en-US')} already registered, ${rejected.length.toLocaleString('en-US')} rejected (see ${reportFile}) in ${seconds.toFixed(1)} s, ${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en-US')} rows/s\n`,
    );
    if (rejected.length > 0) throw new CliError(`${rejected.length} rows were not imported: their lines and reasons are in ${reportFile}`, 1);
    return 0;
  } finally {
    await close();
  }
}

/** A file to write, emptied, readable and writable by its owner only. */
async function ownerOnlyFile(file: string): Promise<Writable> {
  const handle = await openFile(file, 'w', 0o600).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`cannot write ${file}: ${error.code ?? error.message}`);
  });
  await handle.chmod(0o600);
  return handle.createWriteStream();
}

/**
 * `export residents|cards --purpose P [--with-numbers] [--out FILE] [--encoding utf-8|shift_jis]`:
 * CSV in the columns of the import, to standard output or a file, logged with its purpose.
 */
export async function exportCommand(
  io: CliIo,
  open: () => Promise<OpenedApp>,
  kind: string,
  options: { purpose: string; withNumbers?: boolean; out?: string; encoding: string },
): Promise<number> {
  if (kind !== 'residents' && kind !== 'cards') throw new CliError(`there is nothing to export as "${kind}"; export residents or export cards`);
  if (!isCsvEncoding(options.encoding)) throw new CliError(`--encoding must be utf-8 or shift_jis, not "${options.encoding}"`);
  if (kind === 'cards' && options.withNumbers) throw new CliError('cards are exported with the 住民票コード, never with individual numbers');
  const encoding = options.encoding;
  const { app, close } = await open();
  try {
    const actor = cliActor();
    const rows =
      kind === 'residents' ? await exportResidents(app, actor, { purpose: options.purpose, withNumbers: options.withNumbers ?? false }) : await exportCards(app, actor, options.purpose);
    if (!rows.ok) {
      const purposes = Object.entries(EXPORT_PURPOSES)
        .map(([name, { description }]) => `${name} (${description})`)
        .join(', ');
      throw new CliError(`${rows.error.message}${rows.error.code === 'INPUT.INVALID' ? `; the purposes are ${purposes}` : ''}`);
    }
    const columns = kind === 'residents' ? RESIDENT_COLUMNS.map(([name]) => name) : [...CARD_COLUMNS];
    const lossy = new Set<string>();
    const checked = new Set<string>();
    let count = 0;
    async function* records() {
      for await (const row of rows.ok ? rows.value : []) {
        const cells = columns.map((column) => csvCell((row as Record<string, string>)[column] ?? ''));
        if (encoding === 'shift_jis') for (const char of notInShiftJis(cells.join(''), checked)) lossy.add(char);
        count++;
        yield cells;
      }
    }
    // Residents' data, with their numbers for reconciliation: owner-only, also over a file that was not.
    const target = options.out ? await ownerOnlyFile(options.out) : (io.stdout as Writable);
    await pipeline(Readable.from(records()), stringify({ header: true, columns, record_delimiter: 'windows' }), encodeStream(encoding), target, { end: options.out !== undefined }).catch(
      (error: NodeJS.ErrnoException) => {
        throw new CliError(`cannot write ${options.out ?? 'to standard output'}: ${error.code ?? error.message}`);
      },
    );
    await write(io.stderr, `exported ${count.toLocaleString('en-US')} ${kind} for ${options.purpose}${options.out ? ` to ${options.out}` : ''}${options.withNumbers ? ' with individual numbers' : ''}\n`);
    if (lossy.size > 0) {
      await write(io.stderr, `warning: Shift_JIS cannot hold ${[...lossy].join(' ')}; they were written as "?" (use --encoding utf-8 to keep them)\n`);
    }
    return 0;
  } finally {
    await close();
  }
}
