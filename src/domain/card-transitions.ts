import type { CardStatus } from './card.ts';

/** Everything that can be done to an existing card; each is allowed only in the statuses below. */
export const CardAction = {
  Manufacture: 'manufacture',
  Issue: 'issue',
  AddFrontNote: 'add-front-note',
  RevokeSignature: 'revoke-signature',
  Suspend: 'suspend',
  Resume: 'resume',
  RequireContinuation: 'require-continuation',
  Continue: 'continue',
  Extend: 'extend',
  VerifyPin: 'verify-pin',
  ResetPin: 'reset-pin',
  Replace: 'replace',
  Expire: 'expire',
  ExpireCertificates: 'expire-certificates',
  Abolish: 'abolish',
  Return: 'return',
} as const;
export type CardAction = (typeof CardAction)[keyof typeof CardAction];

/**
 * The allowed actions per status (domain.md "Card status", OpenCRVS availableActions): the
 * compiler demands a row for every status. Beyond the diagram: a card being made (applied,
 * ready) can be abolished when its holder moves abroad or changes number; a suspended card can
 * be replaced (a lost card is reissued), expire and be abolished.
 */
export const TRANSITIONS = {
  applied: ['manufacture', 'abolish'],
  ready: ['issue', 'abolish'],
  active: [
    'add-front-note',
    'revoke-signature',
    'suspend',
    'require-continuation',
    'continue',
    'extend',
    'verify-pin',
    'reset-pin',
    'replace',
    'expire',
    'expire-certificates',
    'abolish',
    'return',
  ],
  suspended: ['revoke-signature', 'resume', 'require-continuation', 'replace', 'expire', 'expire-certificates', 'abolish', 'return'],
  expired: ['return'],
  abolished: ['return'],
  returned: [],
} as const satisfies Record<CardStatus, readonly CardAction[]>;

export function allows(status: CardStatus, action: CardAction): boolean {
  return (TRANSITIONS[status] as readonly CardAction[]).includes(action);
}

/** The statuses in which a card counts as the resident's card: at most one at a time. */
export const LIVE_STATUSES: readonly CardStatus[] = ['applied', 'ready', 'active', 'suspended'];
