import type { Role } from '../../domain/roles.ts';

/** A one-time setup code as stored: only its hash, and when it stops working. */
export interface SetupCodeRecord {
  readonly hash: string;
  readonly expiresAt: string;
}

export interface StaffRecord {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly officeId: string;
  /** null: the account has no password yet; it awaits setup with a code a supervisor issues. */
  readonly passwordHash: string | null;
  readonly mustChangePassword: boolean;
  /** false: disabled, no sign-in and no session. */
  readonly active: boolean;
  readonly setupCode: SetupCodeRecord | null;
}

export interface StaffRepository {
  insert(record: StaffRecord, at: string): Promise<void>;
  findByUsername(username: string): Promise<StaffRecord | undefined>;
  get(id: string): Promise<StaffRecord | undefined>;
  list(): Promise<StaffRecord[]>;
  /** A new password, or none (null); an outstanding setup code stops working either way. */
  setPassword(id: string, passwordHash: string | null, mustChange: boolean): Promise<void>;
  setSetupCode(id: string, code: SetupCodeRecord | null): Promise<void>;
  /** The first password, in exchange for the setup code whose hash is given: false when that code is no longer the account's. */
  useSetupCode(id: string, codeHash: string, passwordHash: string): Promise<boolean>;
  setActive(id: string, active: boolean): Promise<void>;
  setRole(id: string, role: Role, officeId: string): Promise<void>;
  count(): Promise<number>;
}
