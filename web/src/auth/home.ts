import type { SessionUser } from '../api/types';

/** Where each role starts: the counter search, the hotline console, today's figures, the audit trail, staff. */
export function homeOf(user: SessionUser): string {
  if (user.mustChangePassword) return '/password';
  switch (user.role) {
    case 'hotline':
      return '/hotline';
    case 'auditor':
      return '/audit';
    case 'admin':
      return '/staff';
    case 'supervisor':
      return '/dashboard';
    default:
      return '/residents';
  }
}
