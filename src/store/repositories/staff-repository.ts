import type { StaffRecord, StaffRepository } from '../../app/ports/staff-repository.ts';
import type { Role } from '../../domain/roles.ts';
import type { StaffTable } from '../schema.ts';
import { bool, type Scope } from './scope.ts';

/** The column keeps NOT NULL from migration 0001: an empty hash stands for "no password". */
const NO_PASSWORD = '';

export function staffFromRow(row: StaffTable): StaffRecord {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role as Role,
    officeId: row.office_id,
    passwordHash: row.password_hash === NO_PASSWORD ? null : row.password_hash,
    mustChangePassword: row.must_change_password === 1,
    active: row.active === 1,
    setupCode: row.setup_code_hash !== null && row.setup_code_expires_at !== null ? { hash: row.setup_code_hash, expiresAt: row.setup_code_expires_at } : null,
  };
}

export function staffRepository({ db, municipalityCode }: Scope): StaffRepository {
  const scoped = () => db.selectFrom('staff').selectAll().where('municipality_code', '=', municipalityCode);
  const update = () => db.updateTable('staff').where('municipality_code', '=', municipalityCode);
  return {
    async insert(record, at) {
      await db
        .insertInto('staff')
        .values({
          id: record.id,
          municipality_code: municipalityCode,
          username: record.username,
          name: record.name,
          role: record.role,
          office_id: record.officeId,
          password_hash: record.passwordHash ?? NO_PASSWORD,
          must_change_password: bool(record.mustChangePassword),
          active: bool(record.active),
          created_at: at,
          setup_code_hash: record.setupCode?.hash ?? null,
          setup_code_expires_at: record.setupCode?.expiresAt ?? null,
        })
        .execute();
    },
    async findByUsername(username) {
      const row = await scoped().where('username', '=', username).executeTakeFirst();
      return row && staffFromRow(row);
    },
    async get(id) {
      const row = await scoped().where('id', '=', id).executeTakeFirst();
      return row && staffFromRow(row);
    },
    async list() {
      return (await scoped().orderBy('username').execute()).map(staffFromRow);
    },
    async setPassword(id, passwordHash, mustChange) {
      await update()
        .set({ password_hash: passwordHash ?? NO_PASSWORD, must_change_password: bool(mustChange), setup_code_hash: null, setup_code_expires_at: null })
        .where('id', '=', id)
        .execute();
    },
    async setSetupCode(id, code) {
      await update()
        .set({ setup_code_hash: code?.hash ?? null, setup_code_expires_at: code?.expiresAt ?? null })
        .where('id', '=', id)
        .execute();
    },
    async useSetupCode(id, codeHash, passwordHash) {
      const result = await update()
        .set({ password_hash: passwordHash, must_change_password: 0, setup_code_hash: null, setup_code_expires_at: null })
        .where('id', '=', id)
        .where('setup_code_hash', '=', codeHash)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async setActive(id, active) {
      await update().set({ active: bool(active) }).where('id', '=', id).execute();
    },
    async setRole(id, role, officeId) {
      await update().set({ role, office_id: officeId }).where('id', '=', id).execute();
    },
    async count() {
      const row = await db
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('municipality_code', '=', municipalityCode)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
