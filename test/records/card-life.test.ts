import { afterEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/app/staff.ts';
import { runSweep } from '../../src/app/sweep.ts';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { DIALECTS } from '../support/databases.ts';
import { PINS, residentWithActiveCard, worldFor, type World } from '../support/world.ts';

const day = (date: string) => date as PlainDate;
const CHEN = { nationality: 'CN', residency: 'foreign-without-period', familyName: '陳', givenName: '美玲', familyNameKana: 'チン', givenNameKana: 'メイリン' };
const DAMAGED = { reason: 'damaged', photoTakenOn: '2026-11-01', applicationDate: '2026-11-26', identityDocuments: ['passport'] };

/** Makes and hands over a card waiting at the clerk's counter. */
async function handOver(world: World, cardId: string, handedOverOn = '2026-11-26') {
  const made = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/manufacture`, { issueDate: '2026-11-26' });
  expect(made.status).toBe(200);
  return world.call('clerk', 'POST', `/api/v1/cards/${cardId}/issue`, { handedOverOn, pins: PINS, identityDocuments: ['passport'], notificationCardReturned: false });
}

/** The card's whole life at the counter (docs/domain.md "Card status"), on each database. */
describe.each(DIALECTS)('card life on $name', ({ create }) => {
  const world = worldFor(create);

  describe('R-16: a new card without a gap', () => {
    it('keeps a damaged card active until the new one is handed over, then takes it back (returned, replaced) and ends its certificates', async () => {
      const { residentId, cardId } = await residentWithActiveCard(world);
      const reissued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, DAMAGED);
      expect(reissued).toMatchObject({
        status: 200,
        body: {
          fee: { total: 1000 },
          receiptNumber: expect.stringMatching(/^2026-honcho-\d{6}$/),
          newCard: { status: 'applied', applicationReason: 'damaged', previousCardId: cardId },
          oldCard: { id: cardId, status: 'active', certificates: { signature: { status: 'valid' }, user: { status: 'valid' } } },
        },
      });
      expect(reissued.body.oldCard.allowedActions).not.toContain('replace');
      const newId = reissued.body.newCard.id;
      // The old card still works: a PIN check, and a second new card is refused while one is being made.
      expect((await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/user/verify`, { pin: PINS.user })).status).toBe(200);
      expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, DAMAGED)).toMatchObject({ status: 409, body: { code: 'RESIDENT.CARD_ALREADY_HELD', cardId: newId } });
      const both = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}`);
      expect(both.body.cards.map((card: { status: string }) => card.status)).toEqual(['active', 'applied']);
      expect(both.body.allowedActions).not.toContain('apply-for-card');

      const issued = await handOver(world, newId);
      expect(issued).toMatchObject({ status: 200, body: { id: newId, status: 'active' } });
      const old = await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`);
      expect(old.body).toMatchObject({ status: 'returned', endReason: 'replaced', endedOn: '2026-11-26', certificates: { signature: { status: 'revoked' }, user: { status: 'revoked' } } });
      const after = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}`);
      expect(after.body.cards.filter((card: { status: string }) => card.status === 'active')).toHaveLength(1);
      const procedures = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}/procedures`);
      expect(procedures.body.at(-1)).toMatchObject({ kind: 'card-issue', cardId: newId, details: { oldCardReturned: cardId } });
      // A slip printed again from the history names the clerk who did it.
      const clerk = (await world.call('clerk', 'GET', '/api/v1/session')).body.user;
      expect(procedures.body.at(-1)).toMatchObject({ staffId: clerk.id, staffName: clerk.name });
    });

    it('abolishes a stolen card at once, answering it with the new one', async () => {
      const { cardId } = await residentWithActiveCard(world);
      await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'stolen', channel: 'hotline' });
      const reissued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, { ...DAMAGED, reason: 'stolen', policeReportNumber: '第9号' });
      expect(reissued).toMatchObject({ status: 200, body: { oldCard: { status: 'abolished', endReason: 'replaced' }, newCard: { status: 'applied' } } });
      await handOver(world, reissued.body.newCard.id);
      expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body).toMatchObject({ status: 'abolished', endReason: 'replaced' });
    });

    it('lets a change of the resident act on both live cards: an address change revokes the kept card’s signature certificate', async () => {
      const { residentId, cardId } = await residentWithActiveCard(world);
      const reissued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, { ...DAMAGED, reason: 'dirty' });
      const moved = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/address-change`, { address: '東京都江戸川区船堀四丁目1番', effectiveDate: '2026-11-26' });
      expect(moved.status).toBe(200);
      expect(moved.body.cards).toMatchObject([
        { id: cardId, status: 'active', certificates: { signature: { status: 'revoked', revokedReason: 'address-change' } } },
        { id: reissued.body.newCard.id, status: 'applied' },
      ]);
    });
  });

  describe('R-17: moving abroad', () => {
    afterEach(() => world.clock.set(day('2026-11-26')));
    const sweepOn = async (date: string) => {
      world.clock.set(day(date));
      const run = await runSweep(world.app, systemActor('card-life'), day(date));
      if (!run.ok) throw new Error(run.error.message);
      return run.value.counts;
    };
    const moveAbroad = (residentId: string, body: Record<string, unknown> = {}) =>
      world.call('clerk', 'POST', `/api/v1/residents/${residentId}/move-out`, { plannedMoveOutDate: '2026-12-10', destination: 'Canada', abroad: true, ...body });

    it('keeps the card usable until the planned move-out date, when the sweep abolishes it once (counted), dated on it', async () => {
      const { residentId, cardId } = await residentWithActiveCard(world);
      const moved = await moveAbroad(residentId);
      expect(moved).toMatchObject({ status: 200, body: { registration: 'moved-abroad', cards: [{ status: 'active', scheduledAbolition: { on: '2026-12-10', reason: 'moved-abroad' } }] } });
      expect((await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/user/verify`, { pin: PINS.user })).status).toBe(200);
      expect((await sweepOn('2026-12-09')).abolishedMovedAbroad).toBe(0);
      expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body.status).toBe('active');
      expect((await sweepOn('2026-12-10')).abolishedMovedAbroad).toBeGreaterThanOrEqual(1);
      expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body).toMatchObject({
        status: 'abolished',
        endReason: 'moved-abroad',
        endedOn: '2026-12-10',
        scheduledAbolition: null,
        certificates: { signature: { status: 'revoked' }, user: { status: 'revoked' } },
      });
      expect((await sweepOn('2026-12-10')).abolishedMovedAbroad).toBe(0);
      const history = await world.call('clerk', 'GET', `/api/v1/cards/${cardId}/history`);
      expect(history.body.map((event: { type: string }) => event.type).slice(-2)).toEqual(['CardAbolitionScheduled', 'CardAbolished']);
    });

    it('keeps a national’s card abroad when asked the day before the move-out: the note 国外転出, the signature certificate ending that day', async () => {
      const { residentId, cardId } = await residentWithActiveCard(world);
      world.clock.set(day('2026-12-09'));
      const kept = await moveAbroad(residentId, { keepCardAbroad: true });
      expect(kept).toMatchObject({
        status: 200,
        body: {
          registration: 'moved-abroad',
          cards: [
            {
              status: 'active',
              scheduledAbolition: null,
              frontNotes: [{ kind: 'address', text: '国外転出', date: '2026-12-10' }],
              certificates: { signature: { status: 'valid', expiresOn: '2026-12-09' }, user: { status: 'valid', expiresOn: '2031-05-10' } },
            },
          ],
        },
      });
      const procedures = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}/procedures`);
      expect(procedures.body.at(-1)).toMatchObject({ kind: 'move-out-abroad', details: { keepCardAbroad: true } });
      await sweepOn('2026-12-10');
      expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body).toMatchObject({ status: 'active', certificates: { signature: { status: 'expired' }, user: { status: 'valid' } } });
    });

    it('refuses 国外継続利用 asked on the day of the move-out, and for a foreign national, naming why and changing nothing', async () => {
      const national = await residentWithActiveCard(world);
      world.clock.set(day('2026-12-10'));
      const late = await moveAbroad(national.residentId, { keepCardAbroad: true });
      expect(late).toMatchObject({ status: 422, body: { code: 'CARD.ABROAD_CONTINUATION_NOT_ALLOWED', reason: 'too-late', plannedMoveOutDate: '2026-12-10' } });
      expect(late.body.detail).toContain('2026-12-09');
      world.clock.set(day('2026-11-26'));
      const foreign = await residentWithActiveCard(world, CHEN);
      const refused = await moveAbroad(foreign.residentId, { keepCardAbroad: true });
      expect(refused).toMatchObject({ status: 422, body: { code: 'CARD.ABROAD_CONTINUATION_NOT_ALLOWED', reason: 'foreign-national' } });
      for (const { residentId, cardId } of [national, foreign]) {
        expect((await world.call('clerk', 'GET', `/api/v1/residents/${residentId}`)).body).toMatchObject({ registration: 'registered', version: 1 });
        expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body).toMatchObject({ status: 'active', frontNotes: [], scheduledAbolition: null });
      }
      expect(await moveAbroad(foreign.residentId, { abroad: false, keepCardAbroad: true })).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID' } });
      expect((await moveAbroad(foreign.residentId)).body.cards[0]).toMatchObject({ status: 'active', scheduledAbolition: { on: '2026-12-10' } });
    });

    it('schedules both cards of a resident whose new card is being made (R-16)', async () => {
      const { residentId, cardId } = await residentWithActiveCard(world);
      await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, DAMAGED);
      const moved = await moveAbroad(residentId);
      expect(moved.body.cards).toMatchObject([
        { status: 'active', scheduledAbolition: { on: '2026-12-10' } },
        { status: 'applied', scheduledAbolition: { on: '2026-12-10' } },
      ]);
    });
  });

  describe('death', () => {
    it('closes the record as of the date of death: the card abolished with its certificates, nothing more but a hand-back', async () => {
      const { residentId, cardId } = await residentWithActiveCard(world);
      const died = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/death`, { dateOfDeath: '2026-11-20', notifiedOn: '2026-11-25' });
      expect(died).toMatchObject({
        status: 200,
        body: {
          registration: 'deceased',
          allowedActions: [],
          cards: [{ status: 'abolished', endReason: 'death', endedOn: '2026-11-20', certificates: { signature: { status: 'revoked', revokedOn: '2026-11-20' }, user: { status: 'revoked' } }, allowedActions: ['return'] }],
        },
      });
      for (const [url, body] of [
        [`/api/v1/residents/${residentId}/address-change`, { address: '東京都江戸川区船堀一丁目1番', effectiveDate: '2026-11-26' }],
        [`/api/v1/residents/${residentId}/death`, { dateOfDeath: '2026-11-20', notifiedOn: '2026-11-26' }],
        [`/api/v1/residents/${residentId}/card-applications`, { applicationDate: '2026-11-26', photoTakenOn: '2026-11-20', withSignatureCertificate: false, withUserCertificate: true }],
        [`/api/v1/cards/${cardId}/pins/user/verify`, { pin: PINS.user }],
      ] as const) {
        expect(await world.call('clerk', 'POST', url, body), url).toMatchObject({ status: 409, body: { code: 'RESIDENT.DECEASED' } });
      }
      const handedBack = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/return`, { reason: 'death' });
      expect(handedBack).toMatchObject({ status: 200, body: { status: 'returned', endReason: 'death', endedOn: '2026-11-20' } });
      const procedures = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}/procedures`);
      expect(procedures.body.map((record: { kind: string }) => record.kind).slice(-2)).toEqual(['death', 'card-return']);
    });

    it('refuses a death after its notification or a notification after today, and ends both cards of a pending replacement', async () => {
      const { residentId, cardId } = await residentWithActiveCard(world);
      expect(await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/death`, { dateOfDeath: '2026-11-25', notifiedOn: '2026-11-24' })).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID' } });
      expect(await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/death`, { dateOfDeath: '2026-11-25', notifiedOn: '2026-11-27' })).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID' } });
      await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, DAMAGED);
      const died = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/death`, { dateOfDeath: '2026-11-26', notifiedOn: '2026-11-26' });
      expect(died.body.cards).toMatchObject([
        { status: 'abolished', endReason: 'death' },
        { status: 'abolished', endReason: 'death' },
      ]);
      expect(await world.call('hotline', 'POST', `/api/v1/residents/${residentId}/death`, { dateOfDeath: '2026-11-26', notifiedOn: '2026-11-26' })).toMatchObject({ status: 403 });
    });
  });
});
