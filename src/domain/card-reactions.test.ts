import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT } from '../rules/context.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import { NO_CERTIFICATE, type CardState } from './card.ts';
import { decideMoveIn } from './card-reactions.ts';

const d = (date: string) => date as PlainDate;
const context = { today: d('2026-08-01'), rules: DEFAULT_CONTEXT };
const active: CardState = {
  id: 'card',
  residentId: 'resident',
  status: 'active',
  version: 3,
  applicationDate: d('2024-01-10'),
  photoTakenOn: d('2024-01-05'),
  applicationReason: 'first',
  previousCardId: null,
  pickupOfficeId: 'honcho',
  wantsSignatureCertificate: false,
  wantsUserCertificate: true,
  issueDate: d('2024-02-01'),
  expiryDate: d('2034-05-10'),
  expiryBasis: '10th-birthday',
  handedOverOn: d('2024-02-10'),
  handedOverOfficeId: 'honcho',
  frontNotes: [],
  certificates: { signature: NO_CERTIFICATE, user: { status: 'valid', issuedOn: d('2024-02-10'), expiresOn: d('2029-05-10'), revokedOn: null, revokedReason: null } },
  continuation: null,
  suspension: null,
  endedOn: null,
  endReason: null,
};

describe('a card on a 転入届 (R-7, R-8)', () => {
  // Moved in on Monday 2026-07-06: 14 days end on 海の日 (2026-07-20), so the 転入届 is due on the 21st.
  const move = (notificationDate: string, plannedMoveOutDate: string | null = null) => ({
    moveInDate: d('2026-07-06'),
    notificationDate: d(notificationDate),
    plannedMoveOutDate: plannedMoveOutDate === null ? null : d(plannedMoveOutDate),
  });

  it.each([
    ['on the deadline, moved off the holiday', '2026-07-21', null, false, '2026-07-21'],
    ['a day after it', '2026-07-22', null, true, '2026-07-21'],
    ['within 14 days, but 30 days after the planned move-out', '2026-07-15', '2026-06-10', true, '2026-07-10'],
    ['on the 30th day after the planned move-out', '2026-07-10', '2026-06-10', false, '2026-07-10'],
  ])('%s: late %s', (_, notificationDate, plannedMoveOutDate, late, deadline) => {
    const decided = decideMoveIn(active, move(notificationDate, plannedMoveOutDate), context);
    expect(decided).toMatchObject({ ok: true, value: { late, deadline } });
    const [event] = decided.ok ? decided.value.events : [];
    expect(event?.type).toBe(late ? 'CardAbolished' : 'ContinuationRequired');
  });

  it('keeps a suspended card alive the same way, and leaves a card that has ended alone', () => {
    expect(decideMoveIn({ ...active, status: 'suspended', suspension: { reason: 'lost', since: d('2026-07-01'), channel: 'hotline' } }, move('2026-07-21'), context)).toMatchObject({
      ok: true,
      value: { late: false },
    });
    expect(decideMoveIn({ ...active, status: 'expired', endedOn: d('2026-05-11'), endReason: 'expired' }, move('2026-07-30'), context)).toEqual({
      ok: true,
      value: { events: [], deadline: null, late: false },
    });
  });
});
