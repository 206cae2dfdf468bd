import type { StaffRecord } from './staff-repository.ts';

export interface SessionRecord {
  readonly tokenHash: string;
  readonly staffId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revoked: boolean;
}

export interface SessionRepository {
  insert(record: SessionRecord): Promise<void>;
  find(tokenHash: string): Promise<SessionRecord | undefined>;
  /** A session with its staff member, in one query: what every signed-in request reads. */
  findWithStaff(tokenHash: string): Promise<{ readonly session: SessionRecord; readonly staff: StaffRecord } | undefined>;
  revoke(tokenHash: string): Promise<void>;
  /** Ends every session of a staff member (but the one named, if any); how many were still open. */
  revokeAllOf(staffId: string, exceptTokenHash?: string): Promise<number>;
}
