/** Staff roles (docs/domain.md "Who uses it"). */
export const ROLES = [
  'clerk',
  'supervisor',
  'hotline',
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** What a staff member may do; each use case names the one it needs. */
export const PERMISSION_VALUES = [
  'resident.search',
  'resident.read',
  'resident.write',
  'resident.reveal-number',
  'resident.change-number',
  'card.read',
  'card.suspend',
  'card.counter-procedure',
  'approval.request',
  'approval.decide',
  'report.read',
  /** Letters to residents (names and addresses, never numbers), for the post. */
  'notice.read',
  'job.run',
  'audit.read',
  'staff.manage',
  /** Add a municipality to the deployment: the server's command line only (docs/scale.md "Several municipalities"). */
  'municipality.manage',
  /** Hand a person the one-time code that lets them set the first password of their account. */
  'staff.issue-setup-code',
  /** Import from and export to the resident-registry system: a job run from the server's command line. */
  'registry.exchange',
] as const;
export type Permission = (typeof PERMISSION_VALUES)[number];

const COUNTER: readonly Permission[] = [
  'resident.search',
  'resident.read',
  'resident.write',
  'resident.reveal-number',
  'card.read',
  'card.suspend',
  'card.counter-procedure',
  'approval.request',
];

/**
 * The rights of each role (docs/domain.md): a clerk does every counter procedure; a supervisor also
 * approves proxies and number changes and sees reports; a hotline operator finds a card and
 * suspends it, nothing else; an auditor reads the audit trail; an administrator manages staff
 * and runs jobs, and reads no resident data in the app: the exchange with the resident registry
 * (import, export for a permitted purpose, always logged) is the one job that moves it, and runs
 * on the server's command line as the system.
 */
export const PERMISSIONS = {
  clerk: COUNTER,
  supervisor: [...COUNTER, 'resident.change-number', 'approval.decide', 'report.read', 'notice.read', 'job.run', 'staff.issue-setup-code'],
  hotline: ['resident.search', 'card.read', 'card.suspend'],
  auditor: ['audit.read', 'report.read'],
  admin: ['staff.manage', 'job.run', 'registry.exchange', 'municipality.manage'],
} as const satisfies Record<Role, readonly Permission[]>;


/** Everything a role may do, as the session tells the web app (which offers nothing else). */
export function permissionsOf(role: Role): Permission[] {
  return [...PERMISSIONS[role]];
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

/**
 * Roles that read resident data. An administrator never holds a usable credential for such an
 * account: its first password comes with a setup code that a supervisor issues (docs/security.md).
 */
export const DATA_ROLES: readonly Role[] = ['clerk', 'supervisor', 'hotline', 'auditor'];

export function readsResidentData(role: Role): boolean {
  return DATA_ROLES.includes(role);
}

/** Permissions that need the resident in front of a clerk: refused to the hotline as counter-only (seed). */
export const COUNTER_ONLY: readonly Permission[] = ['card.counter-procedure', 'resident.write', 'resident.read', 'resident.reveal-number'];

/** The office id of hotline operators, who belong to no counter. */
export const HOTLINE_OFFICE = 'hotline';

/** The office id of what the system does by itself: the command line, the nightly jobs. */
export const SYSTEM_OFFICE = 'system';
