import { refuse } from '../domain/errors.ts';
import { can, COUNTER_ONLY, type Permission, type Role } from '../domain/roles.ts';
import { AppErrorCode, type Result } from './app-errors.ts';

/** The signed-in staff member a command is done by. */
export interface Actor {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly officeId: string;
}

/**
 * Whether `actor` may do what `permission` names: a hotline operator asking for a counter
 * procedure is told it is counter-only (the seed: release of a suspension never by phone).
 */
export function authorize(actor: Actor, permission: Permission): Result<void> {
  if (can(actor.role, permission)) return { ok: true, value: undefined };
  if (actor.role === 'hotline' && COUNTER_ONLY.includes(permission)) {
    return refuse(AppErrorCode.AuthCounterOnly, 'this is done only at a counter, with the card holder and their identity documents');
  }
  return refuse(AppErrorCode.AuthForbidden, `a ${actor.role} may not do this (${permission})`);
}
