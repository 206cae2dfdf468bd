import type { Selectable } from 'kysely';
import type { AuditEntry, AuditRepository } from '../../app/ports/audit-repository.ts';
import type { AuditLogTable } from '../schema.ts';
import type { StoreDialect } from '../dialect.ts';
import { prepared } from './prepared.ts';
import { insertRows, type Scope } from './scope.ts';

function fromRow(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    chain: Number(row.chain),
    seq: Number(row.seq),
    at: row.at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    officeId: row.office_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    outcome: row.outcome as AuditEntry['outcome'],
    code: row.code,
    details: JSON.parse(row.details),
    prevHash: row.prev_hash,
    hash: row.hash,
    keyId: row.key_id,
  };
}

/**
 * The audit trail: append-only, in one or more chains per municipality. `head` reads and locks a
 * chain's head row (created empty on first use), so that two transactions never chain onto the
 * same predecessor: on PostgreSQL the second waits and then sees the first one's head.
 */
function toRow(entry: AuditEntry, municipalityCode: string): Omit<AuditLogTable, 'position'> {
  return {
    municipality_code: municipalityCode,
    chain: entry.chain,
    seq: entry.seq,
    at: entry.at,
    actor_id: entry.actorId,
    actor_role: entry.actorRole,
    office_id: entry.officeId,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    outcome: entry.outcome,
    code: entry.code,
    details: JSON.stringify(entry.details),
    prev_hash: entry.prevHash,
    hash: entry.hash,
    key_id: entry.keyId,
  };
}

// The statements every command's audit entry runs, compiled once (docs/architecture.md "Performance").
const readHead = prepared((db, a: { municipalityCode: string; chain: number }, dialect) => {
  const query = db.selectFrom('audit_heads').select(['seq', 'hash']).where('municipality_code', '=', a.municipalityCode).where('chain', '=', a.chain);
  return dialect.supportsRowLocks ? query.forUpdate() : query;
});
const moveHead = prepared((db, a: { municipalityCode: string; chain: number; seq: number; hash: string }) =>
  db.updateTable('audit_heads').set({ seq: a.seq, hash: a.hash }).where('municipality_code', '=', a.municipalityCode).where('chain', '=', a.chain),
);
/** The entry's row as inserted, its place in the order of appends taken as it is written. */
function entryValues(a: Omit<AuditLogTable, 'position'>, dialect: StoreDialect) {
  return {
    municipality_code: a.municipality_code,
    chain: a.chain,
    seq: a.seq,
    at: a.at,
    actor_id: a.actor_id,
    actor_role: a.actor_role,
    office_id: a.office_id,
    action: a.action,
    subject_type: a.subject_type,
    subject_id: a.subject_id,
    outcome: a.outcome,
    code: a.code,
    details: a.details,
    prev_hash: a.prev_hash,
    hash: a.hash,
    key_id: a.key_id,
    position: dialect.nextAuditPosition(a.municipality_code),
  };
}
const insertEntry = prepared((db, a: Omit<AuditLogTable, 'position'>, dialect) => db.insertInto('audit_log').values(entryValues(a, dialect)));
/**
 * The head moved and the entry inserted in one statement (a writing WITH), where each statement
 * is a round trip to the server: every command appends one entry, and a round trip costs the
 * server's process about as much CPU as the rest of a small command (docs/architecture.md
 * "What bounds each aim").
 */
const moveHeadAndInsertEntry = prepared((db, a: Omit<AuditLogTable, 'position'>, dialect) =>
  db
    .with('moved', (cte) => cte.updateTable('audit_heads').set({ seq: a.seq, hash: a.hash }).where('municipality_code', '=', a.municipality_code).where('chain', '=', a.chain))
    .insertInto('audit_log')
    .values(entryValues(a, dialect)),
);

export function auditRepository(scope: Scope): AuditRepository {
  const { db, dialect, municipalityCode } = scope;
  const scoped = () => db.selectFrom('audit_log').where('municipality_code', '=', municipalityCode);
  return {
    async head(chain) {
      const read = async () => (await readHead(scope, { municipalityCode, chain })).rows[0];
      let row = await read();
      if (row === undefined) {
        await db
          .insertInto('audit_heads')
          .values({ municipality_code: municipalityCode, chain, seq: 0, hash: '' })
          .onConflict((conflict) => conflict.columns(['municipality_code', 'chain']).doNothing())
          .execute();
        row = await read();
      }
      return row === undefined || Number(row.seq) === 0 ? undefined : { seq: Number(row.seq), hash: row.hash };
    },
    async heads() {
      const rows = await db.selectFrom('audit_heads').select(['chain', 'seq', 'hash']).where('municipality_code', '=', municipalityCode).orderBy('chain').execute();
      return rows.map((row) => ({ chain: Number(row.chain), seq: Number(row.seq), hash: row.hash }));
    },
    async at(places) {
      if (places.length === 0) return [];
      const rows = await scoped()
        .select(['chain', 'seq', 'hash'])
        .where((eb) => eb.or(places.map(({ chain, seq }) => eb.and([eb('chain', '=', chain), eb('seq', '=', seq)]))))
        .execute();
      return rows.map((row) => ({ chain: Number(row.chain), seq: Number(row.seq), hash: row.hash }));
    },
    async append(entry) {
      if (dialect.statementRoundTrips) {
        await moveHeadAndInsertEntry(scope, toRow(entry, municipalityCode));
        return;
      }
      await moveHead(scope, { municipalityCode, chain: entry.chain, seq: entry.seq, hash: entry.hash });
      await insertEntry(scope, toRow(entry, municipalityCode));
    },
    async lockHeads(chains) {
      const wanted = [...new Set(chains)].sort((a, b) => a - b);
      const heads = new Map<number, { seq: number; hash: string }>();
      if (wanted.length === 0) return heads;
      // In chain order, so that two transactions locking several heads never wait on each other crosswise.
      const read = () => {
        const query = db.selectFrom('audit_heads').select(['chain', 'seq', 'hash']).where('municipality_code', '=', municipalityCode).where('chain', 'in', wanted).orderBy('chain');
        return (dialect.supportsRowLocks ? query.forUpdate() : query).execute();
      };
      let rows = await read();
      if (rows.length < wanted.length) {
        const present = new Set(rows.map((row) => Number(row.chain)));
        await db
          .insertInto('audit_heads')
          .values(wanted.filter((chain) => !present.has(chain)).map((chain) => ({ municipality_code: municipalityCode, chain, seq: 0, hash: '' })))
          .onConflict((conflict) => conflict.columns(['municipality_code', 'chain']).doNothing())
          .execute();
        rows = await read();
      }
      for (const row of rows) if (Number(row.seq) > 0) heads.set(Number(row.chain), { seq: Number(row.seq), hash: row.hash });
      return heads;
    },
    async appendMany(entries) {
      if (entries.length === 0) return;
      const { rows } = await dialect.nextAuditPositions(municipalityCode, entries.length).execute(db);
      const positions = rows.map((row) => Number(row.position)).sort((a, b) => a - b);
      const lastOfChain = new Map<number, AuditEntry>();
      for (const entry of entries) lastOfChain.set(entry.chain, entry);
      for (const entry of lastOfChain.values()) {
        await db.updateTable('audit_heads').set({ seq: entry.seq, hash: entry.hash }).where('municipality_code', '=', municipalityCode).where('chain', '=', entry.chain).execute();
      }
      await insertRows(scope, 'audit_log', entries.map((entry, index) => ({ ...toRow(entry, municipalityCode), position: positions[index]! })));
    },
    async list(filter) {
      let query = scoped().selectAll();
      if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
      if (filter.to !== undefined) query = query.where('at', '<', filter.to);
      if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
      if (filter.subjectId !== undefined) query = query.where('subject_id', '=', filter.subjectId);
      if (filter.action !== undefined) query = query.where('action', '=', filter.action);
      const direction = filter.newestFirst ? 'desc' : 'asc';
      if (filter.cursor !== undefined) query = query.where('position', filter.newestFirst ? '<' : '>', filter.cursor);
      // Positions are unique within a municipality (migration 0005): a cursor never skips or repeats an entry.
      const rows = await query.orderBy('position', direction).limit(filter.limit).execute();
      return rows.map((row) => ({ ...fromRow(row), position: Number(row.position) }));
    },
    async scan(chain, afterSeq, limit) {
      const rows = await scoped().selectAll().where('chain', '=', chain).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
      return rows.map(fromRow);
    },
  };
}
