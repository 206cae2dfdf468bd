import { refuse, success } from '../domain/errors.ts';
import type { DecisionContext } from '../domain/decision-context.ts';
import { decideRegistration, type Registered } from '../domain/resident-registration.ts';
import { authorize, type Actor } from './actor.ts';
import { readCsvCell } from './csv-file.ts';
import { auditAct } from './audit-trail.ts';
import type { AppContext } from './context.ts';
import type { ResidentRecord } from './ports/resident-repository.ts';
import { maskNumber } from './views.ts';
import { decisionContext } from './context.ts';
import { factsOf } from './residents/register-resident.ts';
import { checkResidentFields } from '../rules/resident-fields.ts';
import type { Result } from './app-errors.ts';
import type { AuditAction } from './audit-action.ts';

/**
 * The columns of the resident-registry exchange file (README "Import and export"): the English
 * names of the API, or the Japanese headings a registry system or a spreadsheet uses.
 */
export const RESIDENT_COLUMNS = [
  ['residentCode', '住民票コード'],
  ['individualNumber', '個人番号'],
  ['familyName', '氏'],
  ['givenName', '名'],
  ['familyNameKana', '氏カナ'],
  ['givenNameKana', '名カナ'],
  ['birthDate', '生年月日'],
  ['sex', '性別'],
  ['address', '住所'],
  ['phone', '電話番号'],
  ['householdId', '世帯番号'],
  ['nationality', '国籍'],
  ['residency', '在留区分'],
  ['periodOfStayEnd', '在留期間満了日'],
  ['residenceCardNumber', '在留カード番号'],
  ['moveInDate', '転入日'],
  // Optional, of the address (README "Exchange with the resident registry"); last, so that an export read by a tool made before still lines up.
  ['postalCode', '郵便番号'],
] as const;
export type ResidentColumn = (typeof RESIDENT_COLUMNS)[number][0];

const HEADING = new Map<string, ResidentColumn>(RESIDENT_COLUMNS.flatMap(([name, heading]) => [[name, name] as const, [heading, name] as const]));
const SEX: Record<string, string> = { male: 'male', female: 'female', 男: 'male', 女: 'female', '1': 'male', '2': 'female' };
const RESIDENCY: Record<string, string> = {
  national: 'national',
  'foreign-with-period': 'foreign-with-period',
  'foreign-without-period': 'foreign-without-period',
  日本人: 'national',
  外国人: 'foreign-with-period',
  永住者: 'foreign-without-period',
  特別永住者: 'foreign-without-period',
};

export interface ImportLine {
  /** The line of the file (the header is line 1). */
  readonly line: number;
  readonly cells: readonly string[];
  /** Why the line could not be read as CSV at all (an unclosed quote), when it could not. */
  readonly error?: string;
}

export interface ImportReport {
  readonly rows: number;
  readonly imported: number;
  /** Rows already registered exactly so: a re-import changes nothing. */
  readonly unchanged: number;
  readonly rejected: readonly { readonly line: number; readonly reason: string }[];
}

/** The header row's columns, or a refusal naming the unknown and missing ones. */
export function readHeader(cells: readonly string[]): Result<(ResidentColumn | undefined)[]> {
  const columns = cells.map((cell) => HEADING.get(cell.trim().replace(/^\uFEFF/, '')));
  const unknown = cells.filter((_, index) => columns[index] === undefined);
  const required = ['residentCode', 'individualNumber', 'familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'birthDate', 'sex', 'address'] as const;
  const missing = required.filter((name) => !columns.includes(name));
  if (unknown.length || missing.length) {
    return refuse(
      'INPUT.INVALID',
      [unknown.length ? `unknown columns: ${unknown.join(', ')}` : '', missing.length ? `missing columns: ${missing.join(', ')}` : ''].filter(Boolean).join('; '),
    );
  }
  return success(columns);
}

function date(value: string): string {
  return /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(value)
    ? value
        .split('/')
        .map((part, index) => (index === 0 ? part : part.padStart(2, '0')))
        .join('-')
    : value;
}

/** One row as a registration, or the reason it is refused. */
function parseRow(
  line: ImportLine,
  columns: readonly (ResidentColumn | undefined)[],
  residentId: string,
  context: DecisionContext,
): Result<{ registered: Registered; phone: string | null }> {
  // PostgreSQL cannot store a NUL in text: the row is refused here rather than the batch failing.
  if (line.cells.some((cell) => cell.includes('\u0000'))) return refuse('INPUT.INVALID', 'the row holds a NUL character');
  const raw: Partial<Record<ResidentColumn, string>> = {};
  columns.forEach((column, index) => {
    const value = readCsvCell(line.cells[index] ?? '').trim();
    if (column && value !== '') raw[column] = value;
  });
  // The README's column rules: 日本人 etc. name the residency, and a national's empty 国籍 is JP.
  const residency = RESIDENCY[raw.residency ?? 'national'] ?? raw.residency;
  const checked = checkResidentFields({
    ...raw,
    ...(raw.birthDate && { birthDate: date(raw.birthDate) }),
    ...(raw.periodOfStayEnd && { periodOfStayEnd: date(raw.periodOfStayEnd) }),
    ...(raw.moveInDate && { moveInDate: date(raw.moveInDate) }),
    ...(raw.sex && { sex: SEX[raw.sex] ?? raw.sex }),
    ...(raw.residenceCardNumber && { residenceCardNumber: raw.residenceCardNumber.toUpperCase() }),
    residency,
    nationality: (raw.nationality ?? (residency === 'national' ? 'JP' : '')).toUpperCase(),
  });
  // The fields of a registration at the counter (rules/resident-fields.ts), no others.
  if (!checked.ok) return refuse('INPUT.INVALID', checked.error.message);
  const body = checked.value;
  const registered = decideRegistration(
    { residentId, individualNumber: body.individualNumber, facts: factsOf(body, body.householdId ?? `import-${body.residentCode}`), arrival: false },
    context,
  );
  return registered.ok ? success({ registered: registered.value, phone: body.phone ?? null }) : registered;
}

/**
 * Imports residents from the registry system, a batch of rows per transaction (with its audit
 * entry), so a crash loses nothing already imported. Every row is checked as a registration at
 * the counter is (R-11, dates, kana, residency); bad rows are reported with their line and
 * reason and the good ones imported. A resident already registered with the same 住民票コード and
 * number is left as it is, so importing a file again changes nothing.
 */
export async function importResidents(
  app: AppContext,
  actor: Actor,
  lines: AsyncIterable<ImportLine>,
  progress: (rows: number) => void = () => undefined,
  batchSize = 5000,
): Promise<Result<ImportReport>> {
  const allowed = authorize(actor, 'registry.exchange');
  if (!allowed.ok) return allowed;
  let columns: (ResidentColumn | undefined)[] | undefined;
  let rows = 0;
  let imported = 0;
  let unchanged = 0;
  const rejected: { line: number; reason: string }[] = [];
  let batch: ImportLine[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const context = decisionContext(app);
    const parsed = batch.flatMap((line) => {
      const result = parseRow(line, columns!, app.ids.next(), context);
      if (result.ok) {
        const { state, event, individualNumber: number } = result.value.registered;
        return [{ line: line.line, state, event, number, phone: result.value.phone, hash: app.keys.numberHash(number) }];
      }
      rejected.push({ line: line.line, reason: `${result.error.code}: ${result.error.message}` });
      return [];
    });
    const existing = await app.store.read.residents.findByResidentCodes(parsed.map((row) => row.state.residentCode));
    const used = await app.store.read.numbers.usedHashes(parsed.map((row) => row.hash));
    // Rows seen in this batch (those of earlier batches are in the database by now).
    const seenCodes = new Map<string, number>();
    const seenHashes = new Map<string, number>();
    const fresh = parsed.filter((row) => {
      const known = existing.get(row.state.residentCode);
      let reason: string | undefined;
      if (known && known.numberHash === row.hash) {
        unchanged++;
        return false;
      }
      if (known) reason = 'RESIDENT.DUPLICATE: this 住民票コード is registered with another individual number';
      else if (used.has(row.hash)) reason = 'RESIDENT.DUPLICATE: this individual number belongs to another resident';
      else if (seenCodes.has(row.state.residentCode)) reason = `RESIDENT.DUPLICATE: this 住民票コード is on line ${seenCodes.get(row.state.residentCode)} too`;
      else if (seenHashes.has(row.hash)) reason = `RESIDENT.DUPLICATE: this individual number is on line ${seenHashes.get(row.hash)} too`;
      if (reason) {
        rejected.push({ line: row.line, reason });
        return false;
      }
      seenCodes.set(row.state.residentCode, row.line);
      seenHashes.set(row.hash, row.line);
      return true;
    });
    const at = app.clock.now();
    const today = app.clock.today();
    const records = fresh.map((row) => {
      const record: ResidentRecord = { state: row.state, phone: row.phone, numberLast4: row.number.slice(8) };
      return { row, record, event: row.event };
    });
    // A batch with nothing new (a re-import) writes nothing, not even an audit entry.
    if (records.length > 0) await app.store.transaction(async (tx) => {
      await tx.residents.insertMany(records.map(({ record, row }) => ({ record, numberHash: row.hash })), at);
      await tx.numbers.insertMany(
        records.map(({ record, row }) => ({ id: app.ids.next(), residentId: record.state.id, encrypted: app.keys.encryptNumber(row.number), hash: row.hash, assignedOn: today })),
      );
      await tx.events.appendMany(
        records.map(({ record, event }) => ({ streamType: 'resident' as const, streamId: record.state.id, events: [event] })),
        { at, actorId: actor.id },
      );
      await auditAct(app, tx, actor, {
        at,
        action: 'resident.import',
        subjectType: 'resident',
        subjectId: null,
        details: { lines: `${batch[0]!.line}-${batch.at(-1)!.line}`, imported: records.length },
      });
    });
    imported += records.length;
    rows += batch.length;
    batch = [];
    progress(rows);
  };

  for await (const line of lines) {
    if (line.error !== undefined && columns !== undefined) {
      rejected.push({ line: line.line, reason: line.error });
      rows++;
      continue;
    }
    if (line.error !== undefined) return refuse('INPUT.INVALID', `the header row cannot be read: ${line.error}`);
    if (columns === undefined) {
      const header = readHeader(line.cells);
      if (!header.ok) return header;
      columns = header.value;
      continue;
    }
    if (line.cells.every((cell) => cell.trim() === '')) continue;
    batch.push(line);
    if (batch.length >= batchSize) await flush();
  }
  if (columns === undefined) return refuse('INPUT.INVALID', 'the file is empty: a header row is needed');
  await flush();
  await app.store.optimize();
  return success({ rows, imported, unchanged, rejected: rejected.sort((a, b) => a.line - b.line) });
}

/**
 * What residents and cards may be exported for (番号法 第9条, 第19条): only reconciliation with the
 * resident registry is 個人番号利用事務 and may carry individual numbers; every other purpose gets
 * them masked. The purpose is recorded in the audit entry of the export.
 */
export const EXPORT_PURPOSES = {
  'registry-reconciliation': { numbers: true, description: '住民基本台帳システムとの突合 (reconciliation with the resident registry)' },
  'card-delivery': { numbers: false, description: 'カード交付通知・受取予約 (card pick-up letters and appointments)' },
  statistics: { numbers: false, description: '統計・報告 (statistics and reports to the prefecture and the ministry)' },
  'audit-inspection': { numbers: false, description: '監査・内部点検 (audit and internal inspection)' },
} as const;
export type ExportPurpose = keyof typeof EXPORT_PURPOSES;

export interface ExportOptions {
  readonly purpose: string;
  /** Individual numbers in clear, for a purpose that permits them only; the audit entry says so. */
  readonly withNumbers: boolean;
}

function exportPurpose(options: ExportOptions): Result<ExportPurpose> {
  if (!Object.hasOwn(EXPORT_PURPOSES, options.purpose)) {
    return refuse('INPUT.INVALID', `purpose must be one of ${Object.keys(EXPORT_PURPOSES).join(', ')}, not "${options.purpose}"`);
  }
  const purpose = options.purpose as ExportPurpose;
  if (options.withNumbers && !EXPORT_PURPOSES[purpose].numbers) {
    return refuse('AUTH.FORBIDDEN', `individual numbers may not be exported for ${purpose}; only for ${Object.entries(EXPORT_PURPOSES).filter(([, p]) => p.numbers).map(([name]) => name).join(', ')}`);
  }
  return success(purpose);
}

/**
 * Starts an export: checks the actor and the purpose and writes the audit entry before a single
 * row leaves, so an export cut short is logged too.
 */
async function startExport(app: AppContext, actor: Actor, action: AuditAction, options: ExportOptions, count: () => Promise<number>): Promise<Result<ExportPurpose>> {
  const allowed = authorize(actor, 'registry.exchange');
  if (!allowed.ok) return allowed;
  const purpose = exportPurpose(options);
  if (!purpose.ok) return purpose;
  // Counted only for an export that goes ahead: a refused one costs no scan of the table.
  const rows = await count();
  await app.store.transaction((tx) =>
    auditAct(app, tx, actor, {
      action,
      subjectType: null,
      subjectId: null,
      details: { purpose: purpose.value, withNumbers: options.withNumbers, rows },
    }),
  );
  return purpose;
}

/**
 * Every row of a table in key order, a page of 1,000 at a time (each page's lookups done at once).
 * The exports read the read replica when there is one (docs/architecture.md "Read replica"): a
 * scan of the whole city then costs the counters nothing, and the audit entry still goes to the primary.
 */
async function* pages<T>(next: (after: string, limit: number) => Promise<readonly T[]>, key: (item: T) => string): AsyncGenerator<readonly T[]> {
  let after = '';
  for (;;) {
    const page = await next(after, 1000);
    if (page.length === 0) return;
    yield page;
    after = key(page.at(-1)!);
  }
}

/**
 * Residents for the registry system or another permitted purpose, in the columns of the import
 * (so an export imports again), logged; individual numbers masked unless asked for and permitted.
 */
export async function exportResidents(app: AppContext, actor: Actor, options: ExportOptions): Promise<Result<AsyncGenerator<Record<ResidentColumn, string>>>> {
  const started = await startExport(app, actor, 'resident.export', options, () => app.store.replica.residents.count());
  if (!started.ok) return started;
  return success(
    (async function* () {
      for await (const page of pages(app.store.replica.residents.page, (record) => record.state.id)) {
        const numbers = options.withNumbers ? await app.store.replica.numbers.currentOf(page.map((record) => record.state.id)) : undefined;
        for (const { state, phone, numberLast4 } of page) yield {
          residentCode: state.residentCode,
          individualNumber: numbers ? app.keys.decryptNumber(numbers.get(state.id)!) : maskNumber(numberLast4),
          familyName: state.familyName,
          givenName: state.givenName,
          familyNameKana: state.familyNameKana,
          givenNameKana: state.givenNameKana,
          birthDate: state.birthDate,
          sex: state.sex,
          address: state.address,
          phone: phone ?? '',
          householdId: state.householdId,
          nationality: state.nationality,
          residency: state.residency,
          periodOfStayEnd: state.periodOfStayEnd ?? '',
          residenceCardNumber: state.residenceCardNumber ?? '',
          moveInDate: state.moveInDate ?? '',
          postalCode: state.postalCode ?? '',
        };
      }
    })(),
  );
}

export const CARD_COLUMNS = [
  'cardId',
  'residentCode',
  'status',
  'applicationDate',
  'issueDate',
  'expiryDate',
  'handedOverOn',
  'pickupOfficeId',
  'signatureCertificate',
  'userCertificate',
  'continuationDeadline',
] as const;

/** Cards for a permitted purpose with their holder's 住民票コード (never the number), logged. */
export async function exportCards(app: AppContext, actor: Actor, purpose: string): Promise<Result<AsyncGenerator<Record<(typeof CARD_COLUMNS)[number], string>>>> {
  const started = await startExport(app, actor, 'card.export', { purpose, withNumbers: false }, () => app.store.replica.cards.count());
  if (!started.ok) return started;
  const certificate = ({ status, expiresOn }: { status: string; expiresOn: string | null }) => (expiresOn ? `${status} ${expiresOn}` : status);
  return success(
    (async function* () {
      for await (const page of pages(app.store.replica.cards.page, (card) => card.id)) {
        const holders = await app.store.replica.residents.getMany([...new Set(page.map((card) => card.residentId))]);
        const codes = new Map(holders.map(({ state }) => [state.id, state.residentCode]));
        for (const card of page) yield {
          cardId: card.id,
          residentCode: codes.get(card.residentId) ?? '',
          status: card.status,
          applicationDate: card.applicationDate,
          issueDate: card.issueDate ?? '',
          expiryDate: card.expiryDate ?? '',
          handedOverOn: card.handedOverOn ?? '',
          pickupOfficeId: card.pickupOfficeId,
          signatureCertificate: certificate(card.certificates.signature),
          userCertificate: certificate(card.certificates.user),
          continuationDeadline: card.continuation?.deadline ?? '',
        };
      }
    })(),
  );
}
