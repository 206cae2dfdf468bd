import type { PlainDate } from '../../rules/plain-date.ts';
import type { CardCommand } from '../card-decider.ts';
import type { CardAction } from '../card-transitions.ts';
import { ADULT, FOREIGN } from './card-history.ts';

const d = (date: string) => date as PlainDate;

/** A command for each action that says nothing against itself, so only the card's status can refuse it. */
export const SAMPLE_COMMAND: { readonly [A in CardAction]: Extract<CardCommand, { type: A }> } = {
  manufacture: { type: 'manufacture', issueDate: d('2026-10-15'), holder: ADULT, readyOn: d('2026-10-15'), referenceNumber: '1234567897' },
  issue: {
    type: 'issue',
    handedOverOn: d('2026-11-02'),
    officeId: 'honcho',
    pins: { signature: 'ABC123', user: '1234', residentRegistry: '5678', cardInfo: '1234' },
    identityDocuments: ['driving-licence'],
    notificationCardReturned: false,
    holder: ADULT,
    withProxyApproval: false,
  },
  'add-front-note': { type: 'add-front-note', note: { kind: 'other', text: '旧姓併記', date: d('2026-11-10') }, holder: ADULT, withProxyApproval: false },
  'revoke-signature': { type: 'revoke-signature', on: d('2026-11-10'), reason: 'name-change' },
  suspend: { type: 'suspend', on: d('2026-11-20'), reason: 'lost', channel: 'hotline', by: 'hotline' },
  resume: { type: 'resume', on: d('2026-11-25'), officeId: 'honcho', identityDocuments: ['passport'] },
  'require-continuation': { type: 'require-continuation', notificationDate: d('2026-10-01') },
  continue: { type: 'continue', on: d('2026-10-20'), presentedBy: 'holder', withProxyApproval: false, holder: ADULT },
  extend: { type: 'extend', on: d('2026-11-10'), newPeriodOfStayEnd: d('2030-03-31'), holder: FOREIGN },
  'verify-pin': { type: 'verify-pin' },
  'reset-pin': { type: 'reset-pin', kind: 'user', newPin: '4321', identityDocuments: ['passport'], holder: ADULT, withProxyApproval: false },
  'issue-certificate': { type: 'issue-certificate', kind: 'signature', on: d('2026-12-01'), pin: 'NEW456', identityDocuments: ['passport'], holder: ADULT },
  replace: { type: 'replace', on: d('2026-12-01'), oldCardReturned: true },
  expire: { type: 'expire', on: d('2036-05-11') },
  'expire-certificates': { type: 'expire-certificates', on: d('2031-05-11') },
  'schedule-abolition': { type: 'schedule-abolition', on: d('2026-12-10'), reason: 'moved-abroad' },
  'keep-abroad': { type: 'keep-abroad', plannedMoveOutDate: d('2026-12-10') },
  abolish: { type: 'abolish', on: d('2026-12-01'), reason: 'number-changed' },
  return: { type: 'return', on: d('2026-12-01'), reason: 'not-needed' },
};
