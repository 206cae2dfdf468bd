import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { GUARDIAN, PARENT, PINS, residentBody, residentWithActiveCard, worldFor, type World } from '../support/world.ts';

/**
 * 法定代理人 on the card procedures (docs/api.md "Legal representatives", docs/rules.md R-18), through
 * the API on each database: today is 2026-11-26. A child born 2016-03-01 is 10; born 2011-11-27 is
 * 15 by the end of today, born 2011-11-28 is still 14.
 */
describe.each(DIALECTS)('legal representatives on the card procedures on $name', ({ create }) => {
  const world = worldFor(create);

  it('takes a child’s card from application to hand-over only with the parent, records them on each act, and audits only that a parent acted', async () => {
    const child = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ birthDate: '2016-03-01', givenName: '太郎' }));
    const residentId: string = child.body.id;
    const url = `/api/v1/residents/${residentId}/card-applications`;
    const application = { applicationDate: '2026-11-26', photoTakenOn: '2026-11-20', withSignatureCertificate: false, withUserCertificate: true };

    expect(await world.call('clerk', 'POST', url, application)).toMatchObject({ status: 422, body: { code: 'REPRESENTATIVE.REQUIRED', basis: 'under-15' } });
    expect((await world.call('clerk', 'GET', `/api/v1/residents/${residentId}`)).body.cards).toEqual([]);
    const applied = await world.call('clerk', 'POST', url, { ...application, legalRepresentative: PARENT });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const cardId: string = applied.body.id;

    await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/manufacture`, { issueDate: '2026-11-26' });
    const issue = { handedOverOn: '2026-11-26', pins: { user: PINS.user, residentRegistry: PINS.residentRegistry, cardInfo: PINS.cardInfo }, identityDocuments: ['passport'], notificationCardReturned: false };
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/issue`, issue)).toMatchObject({ status: 422, body: { code: 'REPRESENTATIVE.REQUIRED' } });
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body.status).toBe('ready');
    // The parent's own documents are checked as a holder's would be.
    const weak = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/issue`, { ...issue, legalRepresentative: { ...PARENT, identityDocuments: ['pension-book'] } });
    expect(weak).toMatchObject({ status: 422, body: { code: 'IDENTITY.INSUFFICIENT' } });
    const issued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/issue`, { ...issue, legalRepresentative: PARENT });
    expect(issued).toMatchObject({ status: 200, body: { status: 'active', certificates: { signature: { status: 'none' }, user: { status: 'valid' } } } });

    const acts = (await world.call('clerk', 'GET', `/api/v1/residents/${residentId}/procedures`)).body as { kind: string; details: Record<string, unknown> }[];
    expect(acts.find((act) => act.kind === 'card-application')).toMatchObject({ details: { legalRepresentative: PARENT } });
    expect(acts.find((act) => act.kind === 'card-issue')).toMatchObject({ details: { legalRepresentative: PARENT } });

    const applyAudit = (await world.call('auditor', 'GET', `/api/v1/audit?subject=${residentId}&action=card.apply`)).body;
    expect(applyAudit.map((entry: { outcome: string; code: string | null }) => [entry.outcome, entry.code])).toEqual([
      ['refused', 'REPRESENTATIVE.REQUIRED'],
      ['ok', null],
    ]);
    expect(applyAudit[1].details).toMatchObject({ represented: true, representativeRelationship: 'parent' });
    const issueAudit = (await world.call('auditor', 'GET', `/api/v1/audit?subject=${cardId}&action=card.issue`)).body;
    expect(issueAudit.map((entry: { outcome: string }) => entry.outcome)).toEqual(['refused', 'refused', 'ok']);
    expect(issueAudit[2].details).toMatchObject({ represented: true, representativeRelationship: 'parent' });
    // The audit trail is read by auditors across the city: it says a parent acted, not who.
    expect(JSON.stringify([applyAudit, issueAudit])).not.toContain(PARENT.name);
  });

  it('asks for the parent at the front note, the PIN reset and the reissue of a child’s card, and refuses a voluntary proxy', async () => {
    const { residentId, cardId } = await childWithCard(world);

    const note = { kind: 'address', text: '東京都江戸川区船堀二丁目1番', date: '2026-11-26', pin: PINS.residentRegistry };
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/front-notes`, note)).toMatchObject({ status: 422, body: { code: 'REPRESENTATIVE.REQUIRED' } });
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/front-notes`, { ...note, legalRepresentative: PARENT })).toMatchObject({ status: 200, body: { frontNotes: [{ text: note.text }] } });

    const reset = { newPin: '9876', identityDocuments: ['passport'] };
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/user/reset`, reset)).toMatchObject({ status: 422, body: { code: 'REPRESENTATIVE.REQUIRED' } });
    const proxyApprovalId = await approvedProxy(world, residentId, 'pin-reset');
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/user/reset`, { ...reset, proxyApprovalId })).toMatchObject({
      status: 422,
      body: { code: 'PROXY.NOT_ALLOWED_FOR_REPRESENTED', basis: 'under-15' },
    });
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/user/reset`, { ...reset, legalRepresentative: PARENT })).toMatchObject({ status: 200 });
    expect((await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/user/verify`, { pin: '9876' })).body).toMatchObject({ ok: true });

    const reissue = { reason: 'damaged', photoTakenOn: '2026-11-20', applicationDate: '2026-11-26', identityDocuments: ['passport'] };
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, reissue)).toMatchObject({ status: 422, body: { code: 'REPRESENTATIVE.REQUIRED' } });
    const reissued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, { ...reissue, legalRepresentative: PARENT });
    expect(reissued).toMatchObject({ status: 200, body: { newCard: { status: 'applied' }, oldCard: { status: 'active' } } });

    const acts = (await world.call('clerk', 'GET', `/api/v1/residents/${residentId}/procedures`)).body as { kind: string; details: Record<string, unknown> }[];
    for (const kind of ['front-note', 'pin-reset', 'card-reissue']) expect(acts.find((act) => act.kind === kind), kind).toMatchObject({ details: { legalRepresentative: PARENT } });
    const audit = (await world.call('auditor', 'GET', `/api/v1/audit?subject=${cardId}&action=card.pin-reset`)).body;
    expect(audit.map((entry: { outcome: string; code: string | null }) => [entry.outcome, entry.code])).toEqual([
      ['refused', 'REPRESENTATIVE.REQUIRED'],
      ['refused', 'PROXY.NOT_ALLOWED_FOR_REPRESENTED'],
      ['ok', null],
    ]);
    expect(audit[2].details).toMatchObject({ kind: 'user', represented: true, representativeRelationship: 'parent' });
  });

  it('asks for the parent at the continuation after a move in, unless a member of the household brings the card', async () => {
    const arrival = async () => {
      const arrived = await world.call('clerk', 'POST', '/api/v1/residents/arrivals', {
        ...residentBody({ birthDate: '2016-03-01' }),
        moveInDate: '2026-11-15',
        notificationDate: '2026-11-24',
        cardPresented: true,
        card: { issueDate: '2023-04-01', expiryDate: '2028-03-01', issuedBy: '千葉県市川市', certificates: {}, pins: { user: '1111', residentRegistry: '2222', cardInfo: '3333' } },
      });
      expect(arrived.status, JSON.stringify(arrived.body)).toBe(201);
      return arrived.body.cards[0].id as string;
    };
    const cardId = await arrival();
    const continuation = { pin: '2222', presentedBy: 'holder', date: '2026-11-26' };
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/continuation`, continuation)).toMatchObject({ status: 422, body: { code: 'REPRESENTATIVE.REQUIRED' } });
    // Refused before the PIN is checked: no wrong entry was counted.
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body.pins.residentRegistry).toMatchObject({ remainingAttempts: 3 });
    const continued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/continuation`, { ...continuation, legalRepresentative: PARENT });
    expect(continued).toMatchObject({ status: 200, body: { continuation: null } });
    const acts = (await world.call('clerk', 'GET', `/api/v1/residents/${continued.body.residentId}/procedures`)).body as { kind: string; details: Record<string, unknown> }[];
    expect(acts.find((act) => act.kind === 'continuation')).toMatchObject({ details: { presentedBy: 'holder', legalRepresentative: PARENT } });

    const brought = await arrival();
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${brought}/continuation`, { ...continuation, presentedBy: 'household-member' })).toMatchObject({ status: 200 });
  });

  it('refuses a representative for someone nobody represents (400), decided on the day: 15 by the end of today acts alone', async () => {
    const { cardId } = await residentWithActiveCard(world);
    const reset = { newPin: '9876', identityDocuments: ['passport'], legalRepresentative: PARENT };
    const adult = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/user/reset`, reset);
    expect(adult).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID', errors: [{ pointer: '/legalRepresentative' }] } });
    expect((await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/user/verify`, { pin: PINS.user })).body).toMatchObject({ ok: true });

    const fifteen = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ birthDate: '2011-11-27' }));
    const fourteen = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ birthDate: '2011-11-28' }));
    const application = { applicationDate: '2026-11-26', photoTakenOn: '2026-11-20', withSignatureCertificate: false, withUserCertificate: true };
    expect(await world.call('clerk', 'POST', `/api/v1/residents/${fifteen.body.id}/card-applications`, { ...application, legalRepresentative: PARENT })).toMatchObject({ status: 400 });
    expect(await world.call('clerk', 'POST', `/api/v1/residents/${fifteen.body.id}/card-applications`, application)).toMatchObject({ status: 201 });
    expect(await world.call('clerk', 'POST', `/api/v1/residents/${fourteen.body.id}/card-applications`, application)).toMatchObject({ status: 422, body: { code: 'REPRESENTATIVE.REQUIRED' } });
  });

  it('asks an adult ward’s guardian, not a parent, and refuses a voluntary proxy for the ward', async () => {
    const { residentId, cardId } = await residentWithActiveCard(world, {}, { withSignatureCertificate: false });
    expect(await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/guardianship`, { adultWard: true, effectiveDate: '2026-11-25' })).toMatchObject({ status: 200 });
    const reissue = { reason: 'damaged', photoTakenOn: '2026-11-20', applicationDate: '2026-11-26', identityDocuments: ['passport'], withSignatureCertificate: false };
    const url = `/api/v1/cards/${cardId}/reissue`;
    expect(await world.call('clerk', 'POST', url, reissue)).toMatchObject({ status: 422, body: { code: 'REPRESENTATIVE.REQUIRED', basis: 'adult-ward' } });
    expect(await world.call('clerk', 'POST', url, { ...reissue, legalRepresentative: PARENT })).toMatchObject({ status: 400, body: { errors: [{ pointer: '/legalRepresentative/relationship' }] } });
    const proxyApprovalId = await approvedProxy(world, residentId, 'reissue-damaged');
    expect(await world.call('clerk', 'POST', url, { ...reissue, proxyApprovalId })).toMatchObject({ status: 422, body: { code: 'PROXY.NOT_ALLOWED_FOR_REPRESENTED', basis: 'adult-ward' } });
    const reissued = await world.call('clerk', 'POST', url, { ...reissue, legalRepresentative: GUARDIAN });
    expect(reissued).toMatchObject({ status: 200, body: { fee: { total: 1000 }, newCard: { status: 'applied' } } });
    const audit = (await world.call('auditor', 'GET', `/api/v1/audit?subject=${cardId}&action=card.reissue`)).body;
    expect(audit.at(-1).details).toMatchObject({ represented: true, representativeRelationship: 'guardian' });
    expect(JSON.stringify(audit)).not.toContain(GUARDIAN.name);
  });
  it('asks a child’s number change through the parent: the request is refused without one, and the change the supervisor approves records the parent', async () => {
    const child = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ birthDate: '2016-03-01', givenName: '次郎' }));
    const residentId: string = child.body.id;
    const request = { kind: 'number-change', residentId, reason: '番号が記載された書類を紛失' };
    expect(await world.call('clerk', 'POST', '/api/v1/approvals', request)).toMatchObject({ status: 422, body: { code: 'REPRESENTATIVE.REQUIRED', basis: 'under-15' } });
    expect((await world.call('supervisor', 'GET', `/api/v1/approvals?residentId=${residentId}`)).body).toEqual([]);
    expect(await world.call('supervisor', 'POST', `/api/v1/residents/${residentId}/individual-number-change`, { reason: request.reason })).toMatchObject({
      status: 422,
      body: { code: 'REPRESENTATIVE.REQUIRED' },
    });

    const asked = await world.call('clerk', 'POST', '/api/v1/approvals', { ...request, legalRepresentative: PARENT });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(await world.call('supervisor', 'POST', `/api/v1/approvals/${asked.body.id}/approve`, {})).toMatchObject({ status: 200, body: { status: 'used' } });
    const acts = (await world.call('clerk', 'GET', `/api/v1/residents/${residentId}/procedures`)).body as { kind: string; details: Record<string, unknown> }[];
    expect(acts.find((act) => act.kind === 'number-change')).toMatchObject({ details: { legalRepresentative: PARENT } });
    const audit = (await world.call('auditor', 'GET', `/api/v1/audit?subject=${asked.body.id}`)).body as { details: Record<string, unknown> }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(PARENT.name);
  });
});

/** A child born 2016-03-01 holding an active card (user certificate only), handed over with the parent. */
async function childWithCard(world: World) {
  return residentWithActiveCard(world, { birthDate: '2016-03-01' }, { withSignatureCertificate: false, legalRepresentative: PARENT });
}

/** A proxy's prior enquiry, a clerk's request and a supervisor's approval for `procedure`: the approval's id. */
async function approvedProxy(world: World, residentId: string, procedure: string): Promise<string> {
  const proxy = { name: '船堀 次郎', relationship: '叔父', identityDocuments: ['driving-licence'], authorityDocument: '委任状' };
  const enquiry = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/proxy-enquiries`, { enquiredOn: '2026-11-20', callerName: proxy.name, relationship: proxy.relationship, procedure });
  expect(enquiry.status, JSON.stringify(enquiry.body)).toBe(201);
  const request = await world.call('clerk', 'POST', '/api/v1/approvals', { kind: 'proxy', residentId, enquiryId: enquiry.body.id, procedure, proxy });
  expect(request.status, JSON.stringify(request.body)).toBe(201);
  expect(await world.call('supervisor', 'POST', `/api/v1/approvals/${request.body.id}/approve`, {})).toMatchObject({ status: 200 });
  return request.body.id;
}
