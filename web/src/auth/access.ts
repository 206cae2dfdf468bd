import type { Permission, SessionUser } from '../api/types';
import type { MessageKey } from '../i18n/messages';

/**
 * Who may open a page: a permission the session names, and, for a page meant for those who
 * lack another, that one. The server decides the permissions of each role; the app keeps no
 * list of roles.
 */
export interface Gate {
  readonly needs: Permission;
  readonly without?: Permission;
}

export function passes(permissions: readonly Permission[], gate: Gate): boolean {
  return permissions.includes(gate.needs) && (gate.without === undefined || !permissions.includes(gate.without));
}

/** The pages of the app behind a sign-in, by what they need. */
export const ACCESS = {
  /** Finding residents and reading their record, with its procedures and slips. */
  counter: { needs: 'resident.read' },
  register: { needs: 'resident.write' },
  /** The office's pickup appointments: those who hand cards over. */
  appointments: { needs: 'card.counter-procedure' },
  /** Checking in a delivery of made cards at one's counter. */
  delivery: { needs: 'card.counter-procedure' },
  approvals: { needs: 'approval.request' },
  figures: { needs: 'report.read' },
  /** Letters name residents and their addresses. */
  notices: { needs: 'notice.read' },
  setupCodes: { needs: 'staff.issue-setup-code' },
  /**
   * The console of those who suspend a card from a phone call without opening the resident's
   * record; at the counter a card is suspended from the record itself.
   */
  hotline: { needs: 'card.suspend', without: 'resident.read' },
  audit: { needs: 'audit.read' },
  staff: { needs: 'staff.manage' },
} as const satisfies Record<string, Gate>;

/** The menu, in the order it is shown; each item only to those who may open its page. */
export const MENU: readonly { readonly to: string; readonly label: MessageKey; readonly gate: Gate }[] = [
  { to: '/audit', label: 'nav.audit', gate: ACCESS.audit },
  { to: '/dashboard', label: 'nav.dashboard', gate: ACCESS.figures },
  { to: '/residents', label: 'nav.search', gate: ACCESS.counter },
  { to: '/appointments', label: 'nav.appointments', gate: ACCESS.appointments },
  { to: '/residents/new', label: 'nav.register', gate: ACCESS.register },
  { to: '/residents/arrival', label: 'nav.arrival', gate: ACCESS.register },
  { to: '/deliveries', label: 'nav.delivery', gate: ACCESS.delivery },
  { to: '/approvals', label: 'nav.approvals', gate: ACCESS.approvals },
  { to: '/reports', label: 'nav.reports', gate: ACCESS.figures },
  { to: '/notices', label: 'nav.notices', gate: ACCESS.notices },
  { to: '/setup-codes', label: 'nav.setupCodes', gate: ACCESS.setupCodes },
  { to: '/hotline', label: 'nav.hotline', gate: ACCESS.hotline },
  { to: '/staff', label: 'nav.staff', gate: ACCESS.staff },
];

export function menuOf(permissions: readonly Permission[]) {
  return MENU.filter((item) => passes(permissions, item.gate));
}

/**
 * Where a signed-in staff member starts: the password change when it is due, else the first
 * page of their menu (the audit trail, today's figures, the counter search, the hotline console
 * or the staff accounts); undefined when the session allows no page at all.
 */
export function homeOf(user: SessionUser, permissions: readonly Permission[]): string | undefined {
  if (user.mustChangePassword) return '/password';
  return menuOf(permissions)[0]?.to;
}
