import { describe, expect, it } from 'vitest';
import { PROXY_PROCEDURES, type ProxyProcedure } from '../../src/app/proxy-procedures.ts';
import { PROCEDURE_TABLE, Presenter, PROCEDURES, proxyMayCome } from '../../src/rules/procedures.ts';
import { DIALECTS } from '../support/databases.ts';
import { type Answer, PINS, residentBody, residentWithActiveCard, type World, worldFor } from '../support/world.ts';

/** A proxy's papers, as the counter checks them before asking a supervisor. */
const PROXY = { name: '江戸川 一郎', relationship: '子', identityDocuments: ['driving-licence'], authorityDocument: '委任状' };

/** A foreign resident whose card ends with the period of stay: within R-6's renewal window today (2026-11-26), and extendable (R-5). */
const FOREIGN = { nationality: 'VN', residency: 'foreign-with-period', periodOfStayEnd: '2027-01-20', residenceCardNumber: 'AB12345678CD' };

/** The state a procedure needs, and its command with or without a proxy approval. */
interface Case {
  readonly residentId: string;
  readonly command: (proxyApprovalId: string | undefined) => Promise<Answer>;
}

/** For each procedure a proxy may be approved for: a resident in the state it needs, and the command that carries it out. */
const CASES: Record<ProxyProcedure, (world: World) => Promise<Case>> = {
  application: async (world) => {
    const resident = await world.call('clerk', 'POST', '/api/v1/residents', residentBody());
    const residentId = resident.body.id;
    return {
      residentId,
      command: (proxyApprovalId) =>
        world.call('clerk', 'POST', `/api/v1/residents/${residentId}/card-applications`, {
          applicationDate: '2026-11-26',
          photoTakenOn: '2026-11-01',
          withSignatureCertificate: false,
          withUserCertificate: true,
          ...(proxyApprovalId && { proxyApprovalId }),
        }),
    };
  },
  issuance: async (world) => {
    const resident = await world.call('clerk', 'POST', '/api/v1/residents', residentBody());
    const card = await world.call('clerk', 'POST', `/api/v1/residents/${resident.body.id}/card-applications`, {
      applicationDate: '2026-10-01',
      photoTakenOn: '2026-09-20',
      withSignatureCertificate: false,
      withUserCertificate: true,
    });
    await world.call('clerk', 'POST', `/api/v1/cards/${card.body.id}/manufacture`, { issueDate: '2026-11-01' });
    return {
      residentId: resident.body.id,
      command: (proxyApprovalId) =>
        world.call('clerk', 'POST', `/api/v1/cards/${card.body.id}/issue`, {
          handedOverOn: '2026-11-26',
          pins: { user: PINS.user, residentRegistry: PINS.residentRegistry, cardInfo: PINS.cardInfo },
          identityDocuments: ['passport'],
          notificationCardReturned: false,
          ...(proxyApprovalId && { proxyApprovalId }),
        }),
    };
  },
  'move-in-notification': async (world) => {
    const { residentId } = await residentWithActiveCard(world);
    await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/move-out`, { plannedMoveOutDate: '2026-11-10', destination: '千葉県浦安市' });
    return {
      residentId,
      command: (proxyApprovalId) =>
        world.call('clerk', 'POST', `/api/v1/residents/${residentId}/move-in`, {
          moveInDate: '2026-11-20',
          notificationDate: '2026-11-26',
          address: '東京都江戸川区小岩一丁目1番',
          cardPresented: true,
          ...(proxyApprovalId && { proxyApprovalId }),
        }),
    };
  },
  continuation: async (world) => {
    const { residentId, cardId } = await movedBackIn(world);
    return {
      residentId,
      command: (proxyApprovalId) =>
        world.call('clerk', 'POST', `/api/v1/cards/${cardId}/continuation`, {
          pin: PINS.residentRegistry,
          presentedBy: Presenter.ProxyAfterEnquiry,
          date: '2026-11-26',
          ...(proxyApprovalId && { proxyApprovalId }),
        }),
    };
  },
  'move-out-notification': async (world) => {
    const { residentId } = await residentWithActiveCard(world);
    return {
      residentId,
      command: (proxyApprovalId) =>
        world.call('clerk', 'POST', `/api/v1/residents/${residentId}/move-out`, { plannedMoveOutDate: '2026-12-10', destination: '千葉県市川市', ...(proxyApprovalId && { proxyApprovalId }) }),
    };
  },
  'address-change-notification': async (world) => {
    const { residentId } = await residentWithActiveCard(world);
    return {
      residentId,
      command: (proxyApprovalId) =>
        world.call('clerk', 'POST', `/api/v1/residents/${residentId}/address-change`, { address: '東京都江戸川区船堀二丁目1番', effectiveDate: '2026-11-25', ...(proxyApprovalId && { proxyApprovalId }) }),
    };
  },
  'family-register-notification': async (world) => {
    const { residentId } = await residentWithActiveCard(world);
    return {
      residentId,
      command: (proxyApprovalId) =>
        world.call('clerk', 'POST', `/api/v1/residents/${residentId}/name-change`, {
          familyName: '小岩',
          givenName: '花子',
          familyNameKana: 'コイワ',
          givenNameKana: 'ハナコ',
          effectiveDate: '2026-11-25',
          ...(proxyApprovalId && { proxyApprovalId }),
        }),
    };
  },
  'front-side-change': async (world) => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    return {
      residentId,
      command: (proxyApprovalId) =>
        world.call('clerk', 'POST', `/api/v1/cards/${cardId}/front-notes`, { kind: 'other', text: '備考', date: '2026-11-26', pin: PINS.residentRegistry, ...(proxyApprovalId && { proxyApprovalId }) }),
    };
  },
  'suspension-release': async (world) => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'hotline' });
    return {
      residentId,
      command: (proxyApprovalId) => world.call('clerk', 'POST', `/api/v1/cards/${cardId}/resume`, { identityDocuments: ['passport'], ...(proxyApprovalId && { proxyApprovalId }) }),
    };
  },
  'pin-reset': async (world) => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    return {
      residentId,
      command: (proxyApprovalId) =>
        world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/user/reset`, { newPin: '2468', identityDocuments: ['passport'], ...(proxyApprovalId && { proxyApprovalId }) }),
    };
  },
  'reissue-lost': (world) => reissue(world, { reason: 'lost', lostAtHome: true }),
  'reissue-stolen': (world) => reissue(world, { reason: 'stolen', policeReportNumber: '葛西署 第2026-555号' }),
  'reissue-damaged': (world) => reissue(world, { reason: 'damaged' }),
  'reissue-notes-full': (world) => reissue(world, { reason: 'notes-full' }),
  renewal: (world) => reissue(world, { reason: 'renewal' }, FOREIGN),
  'validity-extension': async (world) => {
    const { residentId, cardId } = await residentWithActiveCard(world, FOREIGN);
    return {
      residentId,
      command: (proxyApprovalId) =>
        world.call('clerk', 'POST', `/api/v1/cards/${cardId}/extension`, { newPeriodOfStayEnd: '2030-01-20', today: '2026-11-26', ...(proxyApprovalId && { proxyApprovalId }) }),
    };
  },
  return: async (world) => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    return {
      residentId,
      command: (proxyApprovalId) => world.call('clerk', 'POST', `/api/v1/cards/${cardId}/return`, { reason: 'not-needed', ...(proxyApprovalId && { proxyApprovalId }) }),
    };
  },
  'number-change': async (world) => {
    const { residentId } = await residentWithActiveCard(world);
    return {
      residentId,
      command: (proxyApprovalId) =>
        world.call('supervisor', 'POST', `/api/v1/residents/${residentId}/individual-number-change`, { reason: '漏えいのおそれ', ...(proxyApprovalId && { proxyApprovalId }) }),
    };
  },
  'certificate-issue': async (world) => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/address-change`, { address: '東京都江戸川区船堀二丁目1番', effectiveDate: '2026-11-25' });
    return {
      residentId,
      command: (proxyApprovalId) =>
        world.call('clerk', 'POST', `/api/v1/cards/${cardId}/certificates/signature`, { pin: 'NEW456', identityDocuments: ['passport'], ...(proxyApprovalId && { proxyApprovalId }) }),
    };
  },
};

async function reissue(world: World, reason: Record<string, unknown>, overrides: Record<string, unknown> = {}): Promise<Case> {
  const { residentId, cardId } = await residentWithActiveCard(world, overrides);
  return {
    residentId,
    command: (proxyApprovalId) =>
      world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, {
        ...reason,
        photoTakenOn: '2026-11-01',
        applicationDate: '2026-11-26',
        identityDocuments: ['passport'],
        ...(proxyApprovalId && { proxyApprovalId }),
      }),
  };
}

/** A holder back from a move out with the card, its continuation pending. */
async function movedBackIn(world: World) {
  const held = await residentWithActiveCard(world);
  await world.call('clerk', 'POST', `/api/v1/residents/${held.residentId}/move-out`, { plannedMoveOutDate: '2026-11-10', destination: '千葉県浦安市' });
  const back = await world.call('clerk', 'POST', `/api/v1/residents/${held.residentId}/move-in`, {
    moveInDate: '2026-11-20',
    notificationDate: '2026-11-26',
    address: '東京都江戸川区小岩一丁目1番',
    cardPresented: true,
  });
  expect(back.body.cards[0].continuation).not.toBeNull();
  return held;
}

/** The proxy's prior enquiry, a clerk's request and another supervisor's approval: the approval's id. */
async function approvedProxy(world: World, residentId: string, procedure: string): Promise<string> {
  const enquiry = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/proxy-enquiries`, { enquiredOn: '2026-11-20', callerName: PROXY.name, relationship: PROXY.relationship, procedure });
  expect(enquiry.status, JSON.stringify(enquiry.body)).toBe(201);
  const request = await world.call('clerk', 'POST', '/api/v1/approvals', { kind: 'proxy', residentId, enquiryId: enquiry.body.id, procedure, proxy: PROXY });
  expect(request.status, JSON.stringify(request.body)).toBe(201);
  expect(await world.call('supervisor', 'POST', `/api/v1/approvals/${request.body.id}/approve`, {})).toMatchObject({ status: 200, body: { status: 'approved' } });
  return request.body.id;
}

describe('R-13 decides who may come for a proxy', () => {
  it('lists every procedure whose row lets a proxy come and a command carries out, and no other', () => {
    expect(PROXY_PROCEDURES).toEqual(Object.keys(CASES));
    for (const procedure of PROXY_PROCEDURES) expect(PROCEDURE_TABLE[procedure].whoMayCome).toContain(Presenter.ProxyAfterEnquiry);
    const without = PROCEDURES.filter((procedure) => !proxyMayCome(procedure));
    expect(without).toEqual(['suspension']);
    for (const procedure of without) expect(PROXY_PROCEDURES).not.toContain(procedure);
    // Rows that let a proxy come but that no command carries out: an approval for them could never be used.
    expect(PROXY_PROCEDURES).not.toContain('signature-certificate');
    expect(PROXY_PROCEDURES).not.toContain('notification-card-return');
    expect(PROXY_PROCEDURES).not.toContain('proxy-enquiry');
  });
});

describe.each(DIALECTS)('proxies on $name', ({ create }) => {
  const world = worldFor(create);

  const approvalStatus = async (id: string) => (await world.store.read.approvals.get(id))?.status;

  it.each(PROXY_PROCEDURES)('lets an approved proxy do %s, and refuses an approval for another procedure', async (procedure) => {
    const { residentId, command } = await CASES[procedure](world);
    const other = PROXY_PROCEDURES.find((candidate) => candidate !== procedure)!;
    const wrong = await approvedProxy(world, residentId, other);
    const before = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}`);
    const refused = await command(wrong);
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body).toMatchObject({ code: 'APPROVAL.NOT_USABLE', approvedProcedure: other, procedure });
    expect((await world.call('clerk', 'GET', `/api/v1/residents/${residentId}`)).body).toEqual(before.body);
    expect(await approvalStatus(wrong)).toBe('approved');

    const right = await approvedProxy(world, residentId, procedure);
    const done = await command(right);
    expect(done.status, JSON.stringify(done.body)).toBeLessThan(300);
    expect(await approvalStatus(right)).toBe('used');
    expect(await approvalStatus(wrong)).toBe('approved');
    const records = await world.store.read.acts.listByResident(residentId);
    expect(records.filter((record) => record.proxy !== null).map((record) => record.proxy)).toEqual([
      expect.objectContaining({ approvalId: right, proxy: expect.objectContaining({ name: PROXY.name, authorityDocument: '委任状' }), approvedBy: world.ids.supervisor, usedBy: expect.any(String) }),
    ]);
    const again = await command(right);
    expect(again.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses, at request time (REQUEST.INVALID, docs/api.md), a procedure no command takes a proxy for, naming the field and recording nothing', async () => {
    const { residentId } = await residentWithActiveCard(world);
    const enquiry = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/proxy-enquiries`, { enquiredOn: '2026-11-20', callerName: PROXY.name, relationship: '子', procedure: 'issuance' });
    for (const procedure of ['card-resumption', 'suspension', 'signature-certificate', 'proxy-enquiry', '']) {
      const request = await world.call('clerk', 'POST', '/api/v1/approvals', { kind: 'proxy', residentId, enquiryId: enquiry.body.id, procedure, proxy: PROXY });
      expect(request.status, procedure).toBe(400);
      expect(request.headers['content-type']).toContain('application/problem+json');
      expect(request.body, procedure).toMatchObject({ code: 'REQUEST.INVALID', errors: [{ pointer: '/procedure', message: expect.stringContaining('"issuance"') }] });
      const asked = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/proxy-enquiries`, { enquiredOn: '2026-11-20', callerName: PROXY.name, relationship: '子', procedure });
      expect(asked, procedure).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID', errors: [{ pointer: '/procedure' }] } });
    }
    // An enquiry about one procedure does not open the way to another.
    const other = await world.call('clerk', 'POST', '/api/v1/approvals', { kind: 'proxy', residentId, enquiryId: enquiry.body.id, procedure: 'pin-reset', proxy: PROXY });
    expect(other).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID', errors: [{ pointer: '/procedure', message: expect.stringContaining('was for issuance') }] } });
    expect(await world.store.read.approvals.list({ residentId, limit: 100 })).toEqual([]);
    expect((await world.store.read.acts.listByResident(residentId)).some((record) => record.proxy !== null)).toBe(false);
  });

  it('does not take a proxy for a command whose row does not let one come', async () => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    const approvalId = await approvedProxy(world, residentId, 'suspension-release');
    const suspend = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'counter', proxyApprovalId: approvalId });
    expect(suspend).toMatchObject({ status: 400, body: { errors: [{ pointer: '/proxyApprovalId' }] } });
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body.status).toBe('active');
    const stay = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/period-of-stay`, { periodOfStayEnd: '2030-01-01', residenceCardNumber: 'AB12345678CD', proxyApprovalId: approvalId });
    expect(stay).toMatchObject({ status: 400, body: { errors: [{ pointer: '/proxyApprovalId' }] } });
    expect(await approvalStatus(approvalId)).toBe('approved');
  });

  it('continues a card for an approved proxy, who says so, and for no one else', async () => {
    const { residentId, cardId } = await movedBackIn(world);
    const url = `/api/v1/cards/${cardId}/continuation`;
    const approvalId = await approvedProxy(world, residentId, 'continuation');
    expect(await world.call('clerk', 'POST', url, { pin: PINS.residentRegistry, presentedBy: 'proxy-after-enquiry', date: '2026-11-26' })).toMatchObject({
      status: 400,
      body: { code: 'INPUT.INVALID', errors: [{ pointer: '/proxyApprovalId' }] },
    });
    expect(await world.call('clerk', 'POST', url, { pin: PINS.residentRegistry, presentedBy: 'holder', date: '2026-11-26', proxyApprovalId: approvalId })).toMatchObject({
      status: 400,
      body: { code: 'INPUT.INVALID', errors: [{ pointer: '/presentedBy' }] },
    });
    // A wrong PIN refuses the continuation; the approval stays for the next try.
    expect(await world.call('clerk', 'POST', url, { pin: '0000', presentedBy: 'proxy-after-enquiry', date: '2026-11-26', proxyApprovalId: approvalId })).toMatchObject({
      status: 422,
      body: { code: 'PIN.MISMATCH' },
    });
    expect(await approvalStatus(approvalId)).toBe('approved');
    const continued = await world.call('clerk', 'POST', url, { pin: PINS.residentRegistry, presentedBy: 'proxy-after-enquiry', date: '2026-11-26', proxyApprovalId: approvalId });
    expect(continued).toMatchObject({ status: 200, body: { status: 'active', continuation: null } });
    const history = await world.call('clerk', 'GET', `/api/v1/cards/${cardId}/history`);
    expect(history.body.at(-1)).toMatchObject({ type: 'ContinuationCompleted', data: { presentedBy: 'proxy-after-enquiry' } });
    const record = (await world.store.read.acts.listByResident(residentId)).find((entry) => entry.kind === 'continuation');
    expect(record).toMatchObject({ details: { presentedBy: 'proxy-after-enquiry' }, proxy: { approvalId, proxy: { name: PROXY.name } } });
  });

  it('leaves the approval unused when the procedure it was brought for is refused', async () => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'stolen', channel: 'hotline' });
    const approvalId = await approvedProxy(world, residentId, 'suspension-release');
    const resumed = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/resume`, { identityDocuments: ['health-insurance-card'], proxyApprovalId: approvalId });
    expect(resumed).toMatchObject({ status: 422, body: { code: 'IDENTITY.INSUFFICIENT' } });
    expect(await approvalStatus(approvalId)).toBe('approved');
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/resume`, { identityDocuments: ['passport'], proxyApprovalId: approvalId })).toMatchObject({ status: 200, body: { status: 'active' } });
  });

  it('carries out a number change a proxy asked for, once a supervisor approves it, with the proxy on the record', async () => {
    const { residentId } = await residentWithActiveCard(world);
    const forReturn = await approvedProxy(world, residentId, 'return');
    expect(await world.call('clerk', 'POST', '/api/v1/approvals', { kind: 'number-change', residentId, reason: '漏えいのおそれ', proxyApprovalId: forReturn })).toMatchObject({
      status: 422,
      body: { code: 'APPROVAL.NOT_USABLE' },
    });
    expect(await world.store.read.approvals.list({ residentId, status: 'pending', limit: 10 })).toEqual([]);
    const proxyApprovalId = await approvedProxy(world, residentId, 'number-change');
    const request = await world.call('clerk', 'POST', '/api/v1/approvals', { kind: 'number-change', residentId, reason: '漏えいのおそれ', proxyApprovalId });
    expect(request).toMatchObject({ status: 201, body: { kind: 'number-change', status: 'pending', payload: { proxyApprovalId } } });
    expect(await approvalStatus(proxyApprovalId)).toBe('approved');
    expect(await world.call('supervisor2', 'POST', `/api/v1/approvals/${request.body.id}/approve`, {})).toMatchObject({ status: 200, body: { status: 'used' } });
    expect(await approvalStatus(proxyApprovalId)).toBe('used');
    const record = (await world.store.read.acts.listByResident(residentId)).find((entry) => entry.kind === 'number-change');
    expect(record?.proxy).toMatchObject({ approvalId: proxyApprovalId, proxy: { name: PROXY.name } });
  });
});
