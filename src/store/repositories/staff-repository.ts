import type { StaffRecord, StaffRepository } from '../../app/ports.ts';
import type { Role } from '../../domain/roles.ts';
import type { StaffTable } from '../schema.ts';
import { bool, type Scope } from './scope.ts';

function fromRow(row: StaffTable): StaffRecord {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role as Role,
    officeId: row.office_id,
    passwordHash: row.password_hash,
    mustChangePassword: row.must_change_password === 1,
    active: row.active === 1,
  };
}

export function staffRepository({ db, municipalityCode }: Scope): StaffRepository {
  const scoped = () => db.selectFrom('staff').selectAll().where('municipality_code', '=', municipalityCode);
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
          password_hash: record.passwordHash,
          must_change_password: bool(record.mustChangePassword),
          active: bool(record.active),
          created_at: at,
        })
        .execute();
    },
    async findByUsername(username) {
      const row = await scoped().where('username', '=', username).executeTakeFirst();
      return row && fromRow(row);
    },
    async get(id) {
      const row = await scoped().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },
    async list() {
      return (await scoped().orderBy('username').execute()).map(fromRow);
    },
    async setPassword(id, passwordHash, mustChange) {
      await db
        .updateTable('staff')
        .set({ password_hash: passwordHash, must_change_password: bool(mustChange) })
        .where('municipality_code', '=', municipalityCode)
        .where('id', '=', id)
        .execute();
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
