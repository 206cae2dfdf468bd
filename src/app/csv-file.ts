import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';

/**
 * The encodings of the CSV files Madoguchi reads and writes: UTF-8, or Shift_JIS as Windows
 * writes it (CP932, with NEC and IBM extensions) for spreadsheet software and older registry
 * systems. iconv-lite does the CP932 tables: Node's TextDecoder has Shift_JIS only with full ICU
 * and there is no encoder at all.
 */
export const CSV_ENCODINGS = ['utf-8', 'shift_jis'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export function isCsvEncoding(value: string): value is CsvEncoding {
  return (CSV_ENCODINGS as readonly string[]).includes(value);
}

const ICONV: Record<CsvEncoding, string> = { 'utf-8': 'utf8', shift_jis: 'cp932' };

/**
 * Cells that get a leading `'`: those that spreadsheet software would read as a formula rather
 * than text (OWASP "CSV injection": `=`, `+`, `-`, `@`, and a tab or carriage return, which some
 * programs skip before looking for the others), and those that already start with apostrophes
 * before one of these, so that reading a cell back is exact.
 */
const NEUTRALISED = /^'*[=+\-@\t\r]/;

/**
 * A cell as written to a CSV file: text that a spreadsheet would run as a formula (a name such as
 * `=HYPERLINK("http://…","…")`, a phone number `-1-2`) gets a leading `'`, so it is shown as the
 * text it is; numbers stay numbers (a count, a fee, a line number can never be a formula, and a
 * negative one must still add up). Text columns whose values cannot start so — dates, codes,
 * masked numbers — are untouched by construction. `readCsvCell` undoes it on import.
 */
export function csvCell(value: string | number): string | number {
  return typeof value === 'string' && NEUTRALISED.test(value) ? `'${value}` : value;
}

/**
 * A cell of a file being imported, as it was before `csvCell` wrote it: an export of Madoguchi
 * imports again as it was. Only a `'` before a formula character (or before apostrophes and one)
 * is taken away, so a value that merely starts with an apostrophe is kept.
 */
export function readCsvCell(cell: string): string {
  return cell.startsWith("'") && NEUTRALISED.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** The text as CSV lines (RFC 4180, CRLF, every field quoted when it needs to be), formulas neutralised. */
export function csvText(header: readonly string[], rows: Iterable<readonly (string | number)[]>): string {
  return stringify([header.map(csvCell), ...[...rows].map((row) => row.map(csvCell))], { record_delimiter: 'windows' });
}

/**
 * CSV bytes in the encoding; UTF-8 begins with a byte-order mark so that spreadsheet software
 * reads it as UTF-8 and not as the system's code page.
 */
export function encodeCsv(text: string, encoding: CsvEncoding): Buffer {
  return encoding === 'utf-8' ? Buffer.from(`\uFEFF${text}`, 'utf8') : iconv.encode(text, ICONV.shift_jis);
}

/**
 * Characters of the text that CP932 cannot hold (written as "?" in a Shift_JIS file). `checked`
 * carries the characters already looked at from one call to the next, so that a file of a million
 * rows tries each distinct character once.
 */
export function notInShiftJis(text: string, checked = new Set<string>()): string[] {
  const missing: string[] = [];
  for (const char of text) {
    if (checked.has(char)) continue;
    checked.add(char);
    if (iconv.decode(iconv.encode(char, ICONV.shift_jis), ICONV.shift_jis) !== char) missing.push(char);
  }
  return missing;
}

/**
 * The encoding of a file from its first bytes: UTF-8 when they decode as UTF-8 (a sequence cut at
 * the end of the sample is allowed), Shift_JIS otherwise. Japanese text in Shift_JIS is almost
 * never valid UTF-8, so the guess is safe for the files a registry system writes.
 */
export function detectCsvEncoding(sample: Uint8Array): CsvEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'shift_jis';
  }
}

/** A transform stream from the file's bytes to text (dropping a UTF-8 byte-order mark). */
export function decodeStream(encoding: CsvEncoding): NodeJS.ReadWriteStream {
  return iconv.decodeStream(ICONV[encoding]);
}

/** A transform stream from UTF-8 text (strings or bytes, cut anywhere) to the file's bytes. */
export function encodeStream(encoding: CsvEncoding): Transform {
  const decoder = new StringDecoder('utf8');
  const encode = (text: string) => (encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, ICONV[encoding]));
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      done(null, encode(typeof chunk === 'string' ? chunk : decoder.write(chunk)));
    },
    flush(done) {
      done(null, encode(decoder.end()));
    },
  });
}

/** A whole CSV file's bytes as text, in the encoding its bytes show (a UTF-8 byte-order mark is dropped). */
export function decodeCsv(bytes: Uint8Array): string {
  const text = iconv.decode(Buffer.from(bytes), ICONV[detectCsvEncoding(bytes.subarray(0, 64 * 1024))]);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
