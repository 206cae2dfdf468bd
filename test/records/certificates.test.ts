import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { PARENT, residentBody, residentWithActiveCard, worldFor } from '../support/world.ts';

/**
 * 電子証明書の発行・更新 (docs/api.md "Certificates on an existing card", R-14, R-15) through the API, on
 * each database: today is 2026-11-26, the holder born 1990-05-10, the card issued 2026-11-02.
 */
describe.each(DIALECTS)('certificates on an existing card on $name', ({ create }) => {
  const world = worldFor(create);

  it('issues the signature certificate again after an address change, free, PIN set on the chip, recorded and audited', async () => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    const moved = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/address-change`, { address: '東京都江戸川区船堀二丁目1番', effectiveDate: '2026-11-25' });
    expect(moved.body.cards[0].certificates.signature).toMatchObject({ status: 'revoked', revokedReason: 'address-change' });
    const issued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/certificates/signature`, { pin: 'new456', identityDocuments: ['driving-licence'] });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      status: 'active',
      certificates: { signature: { status: 'valid', issuedOn: '2026-11-26', expiresOn: '2031-05-10' }, user: { status: 'valid', issuedOn: '2026-11-02' } },
      pins: { signature: { set: true, locked: false, remainingAttempts: 5 } },
    });
    expect(issued.body.allowedActions).toContain('issue-certificate');
    expect(JSON.stringify(issued.body)).not.toContain('NEW456');
    // The new PIN is the one on the chip: the old one is wrong now.
    expect((await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/signature/verify`, { pin: 'NEW456' })).body).toMatchObject({ ok: true });
    expect((await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/signature/verify`, { pin: 'ABC123' })).body).toMatchObject({ ok: false });

    const acts = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}/procedures`);
    const act = acts.body.find((entry: { kind: string }) => entry.kind === 'certificate-issue');
    expect(act).toMatchObject({ cardId, fee: null, receiptNumber: null, documents: ['driving-licence'], details: { kind: 'signature', renewal: false, expiresOn: '2031-05-10' } });
    const audit = await world.call('auditor', 'GET', `/api/v1/audit?subject=${cardId}&action=card.certificate`);
    expect(audit.body).toEqual([expect.objectContaining({ action: 'card.certificate', outcome: 'ok', details: expect.objectContaining({ kind: 'signature', renewal: false }) })]);
    const history = await world.call('clerk', 'GET', `/api/v1/cards/${cardId}/history`);
    expect(history.body.at(-1)).toMatchObject({ type: 'CertificateIssued', data: { kind: 'signature', issuedOn: '2026-11-26', expiresOn: '2031-05-10', renewal: false } });
    expect(JSON.stringify(history.body)).not.toContain('NEW456');
  });

  it('refuses a renewal before the window opens (R-14), with the day it opens, and changes nothing', async () => {
    const { cardId } = await residentWithActiveCard(world);
    const early = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/certificates/user`, { pin: '9999', identityDocuments: ['passport'] });
    expect(early).toMatchObject({ status: 422, body: { code: 'CERTIFICATE.RENEWAL_WINDOW_NOT_OPEN', kind: 'user', renewalOpensOn: '2031-02-10' } });
    const card = await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`);
    expect(card.body).toMatchObject({ version: 3, certificates: { user: { issuedOn: '2026-11-02' } } });
    expect((await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/user/verify`, { pin: '1234' })).body).toMatchObject({ ok: true });
    const audit = await world.call('auditor', 'GET', `/api/v1/audit?subject=${cardId}&action=card.certificate`);
    expect(audit.body).toEqual([expect.objectContaining({ outcome: 'refused', code: 'CERTIFICATE.RENEWAL_WINDOW_NOT_OPEN' })]);
  });

  it('gives no signature certificate to a child under 15, and refuses insufficient documents and a bad PIN', async () => {
    const child = await residentWithChildCard();
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${child}/certificates/signature`, { pin: 'NEW456', identityDocuments: ['passport'] })).toMatchObject({
      status: 422,
      body: { code: 'CERTIFICATE.SIGNATURE_UNDER_15' },
    });
    const { residentId, cardId } = await residentWithActiveCard(world);
    await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/name-change`, { familyName: '小岩', givenName: '花子', familyNameKana: 'コイワ', givenNameKana: 'ハナコ', effectiveDate: '2026-11-25' });
    const url = `/api/v1/cards/${cardId}/certificates/signature`;
    expect(await world.call('clerk', 'POST', url, { pin: 'NEW456', identityDocuments: ['health-insurance-card', 'pension-book'] })).toMatchObject({ status: 422, body: { code: 'IDENTITY.INSUFFICIENT' } });
    expect(await world.call('clerk', 'POST', url, { pin: '123456', identityDocuments: ['passport'] })).toMatchObject({ status: 422, body: { code: 'PIN.INVALID_FORMAT' } });
    expect(await world.call('clerk', 'POST', url, { pin: 'NEW456', identityDocuments: ['passport'], fee: 200 })).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/certificates/both`, { pin: 'NEW456', identityDocuments: ['passport'] })).toMatchObject({ status: 400 });
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body.certificates.signature.status).toBe('revoked');
  });

  it('is done only at a counter (hotline 403 AUTH.COUNTER_ONLY), only on an active card (409), and with the version the clerk saw', async () => {
    const { cardId } = await residentWithActiveCard(world);
    const url = `/api/v1/cards/${cardId}/certificates/user`;
    expect(await world.call('hotline', 'POST', url, { pin: '1234', identityDocuments: ['passport'] })).toMatchObject({ status: 403, body: { code: 'AUTH.COUNTER_ONLY' } });
    expect(await world.call('clerk', 'POST', url, { pin: '1234', identityDocuments: ['passport'], expectedVersion: 1 })).toMatchObject({ status: 409, body: { code: 'CARD.VERSION_CONFLICT' } });
    await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'hotline' });
    expect(await world.call('clerk', 'POST', url, { pin: '1234', identityDocuments: ['passport'] })).toMatchObject({ status: 409, body: { code: 'CARD.INVALID_TRANSITION', currentStatus: 'suspended' } });
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${randomUUID()}/certificates/user`, { pin: '1234', identityDocuments: ['passport'] })).toMatchObject({ status: 404, body: { code: 'CARD.NOT_FOUND' } });
  });

  it('answers a repeat of its Idempotency-Key with the first answer and issues once', async () => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/address-change`, { address: '東京都江戸川区船堀二丁目1番', effectiveDate: '2026-11-25' });
    const key = { 'idempotency-key': randomUUID() };
    const body = { pin: 'NEW456', identityDocuments: ['passport'] };
    const first = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/certificates/signature`, body, key);
    const again = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/certificates/signature`, body, key);
    expect(first.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const acts = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}/procedures`);
    expect(acts.body.filter((entry: { kind: string }) => entry.kind === 'certificate-issue')).toHaveLength(1);
    const reused = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/certificates/signature`, { ...body, pin: 'OTHER789' }, key);
    expect(reused).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY.KEY_REUSED' } });
  });

  it('revokes the signature certificate on every change of address: a move within the city, back in, and an arrival from elsewhere (R-4); the user certificate survives', async () => {
    const back = await residentWithActiveCard(world);
    await world.call('clerk', 'POST', `/api/v1/residents/${back.residentId}/move-out`, { plannedMoveOutDate: '2026-11-10', destination: '千葉県浦安市' });
    const out = await world.call('clerk', 'GET', `/api/v1/cards/${back.cardId}`);
    expect(out.body.certificates.signature.status).toBe('valid');
    const movedIn = await world.call('clerk', 'POST', `/api/v1/residents/${back.residentId}/move-in`, { moveInDate: '2026-11-20', notificationDate: '2026-11-26', address: '東京都江戸川区小岩一丁目1番', cardPresented: true });
    expect(movedIn.body.cards[0]).toMatchObject({
      status: 'active',
      certificates: { signature: { status: 'revoked', revokedOn: '2026-11-26', revokedReason: 'move-in' }, user: { status: 'valid' } },
    });
    expect(movedIn.body.cards[0].continuation).not.toBeNull();

    const arrival = await world.call('clerk', 'POST', '/api/v1/residents/arrivals', {
      ...residentBody(),
      moveInDate: '2026-11-15',
      notificationDate: '2026-11-24',
      cardPresented: true,
      card: {
        issueDate: '2023-04-01',
        expiryDate: '2033-05-10',
        issuedBy: '千葉県市川市',
        certificates: { signature: { issuedOn: '2023-04-10', expiresOn: '2028-05-10' }, user: { issuedOn: '2023-04-10', expiresOn: '2028-05-10' } },
        pins: { signature: 'SIGN11', user: '1111', residentRegistry: '2222', cardInfo: '3333' },
      },
    });
    expect(arrival.status).toBe(201);
    const card = arrival.body.cards[0];
    expect(card.certificates).toMatchObject({ signature: { status: 'revoked', revokedOn: '2026-11-24', revokedReason: 'move-in' }, user: { status: 'valid', expiresOn: '2028-05-10' } });
    // A new one on request, at once and free.
    const again = await world.call('clerk', 'POST', `/api/v1/cards/${card.id}/certificates/signature`, { pin: 'SIGN22', identityDocuments: ['residence-card'] });
    expect(again).toMatchObject({ status: 200, body: { certificates: { signature: { status: 'valid', issuedOn: '2026-11-26', expiresOn: '2031-05-10' } } } });
  });

  it('writes when a certificate’s renewal window opens (R-14), naming both certificates, free, and not for a certificate that ends with its card', async () => {
    const adult = await residentWithActiveCard(world, { birthDate: '1990-05-31', familyName: '証明', givenName: '太郎' });
    const child = await residentWithActiveCard(world, { birthDate: '2016-03-01' }, { withSignatureCertificate: false, legalRepresentative: PARENT });
    const letters = async (from: string, to = from) => {
      const answer = await world.call('supervisor', 'GET', `/api/v1/notices/certificate-renewal-window?from=${from}&to=${to}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return (answer.body.notices as { residentId: string; noticeDate: string; deadline: string; subject: string; paragraphs: string[]; bring: string[] }[]).filter(
        (notice) => notice.residentId === adult.residentId || notice.residentId === child.residentId,
      );
    };
    // Certificates to 2031-05-31: the window opens on 2031-02-28, the last day of February.
    const [letter, ...others] = await letters('2031-02-01', '2031-03-31');
    expect(others).toEqual([]);
    expect(letter).toMatchObject({ residentId: adult.residentId, noticeDate: '2031-02-28', deadline: '2031-05-31' });
    expect(letter!.subject).toContain('電子証明書');
    expect(letter!.paragraphs.join('')).toContain('署名用電子証明書と利用者証明用電子証明書');
    expect(letter!.paragraphs.join('')).toContain('手数料はかかりません');
    expect(await letters('2031-02-27')).toEqual([]);
    expect(await letters('2031-02-28')).toHaveLength(1);
    // The child's user certificate runs to the card's expiry (2031-03-01): the card's own renewal letter covers it.
    const renewal = await world.call('supervisor', 'GET', '/api/v1/notices/renewal-window?from=2030-12-01&to=2030-12-01');
    expect(renewal.body.notices.map((notice: { residentId: string }) => notice.residentId)).toContain(child.residentId);
    expect(await world.call('clerk', 'GET', '/api/v1/notices/certificate-renewal-window?from=2031-02-28&to=2031-02-28')).toMatchObject({ status: 403 });
  });

  it('holds both certificates while a lost card is suspended, revokes them at the release, and issues new ones on request, free (Corrections 2026-12)', async () => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    const suspended = await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'hotline' });
    expect(suspended.body.certificates).toMatchObject({
      signature: { status: 'held', expiresOn: '2031-05-10', revokedOn: null },
      user: { status: 'held', expiresOn: '2031-05-10', revokedOn: null },
    });
    const resumed = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/resume`, { identityDocuments: ['driving-licence'] });
    expect(resumed).toMatchObject({
      status: 200,
      body: {
        status: 'active',
        certificates: {
          signature: { status: 'revoked', revokedOn: '2026-11-26', revokedReason: 'suspension-released' },
          user: { status: 'revoked', revokedOn: '2026-11-26', revokedReason: 'suspension-released' },
        },
      },
    });
    const history = await world.call('clerk', 'GET', `/api/v1/cards/${cardId}/history`);
    expect(history.body.map((event: { type: string }) => event.type).slice(-4)).toEqual(['CardSuspended', 'CertificatesHeld', 'HeldCertificatesRevoked', 'CardResumed']);
    for (const [kind, pin] of [['signature', 'NEW456'], ['user', '4321']] as const) {
      const issued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/certificates/${kind}`, { pin, identityDocuments: ['driving-licence'] });
      expect(issued.body.certificates[kind]).toMatchObject({ status: 'valid', issuedOn: '2026-11-26', expiresOn: '2031-05-10' });
    }
    const acts = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}/procedures`);
    const issues = acts.body.filter((act: { kind: string }) => act.kind === 'certificate-issue');
    expect(issues.map((act: { fee: number | null; details: { kind: string } }) => [act.details.kind, act.fee])).toEqual([['signature', null], ['user', null]]);
  });

  it('asks for the legal representative of a child under 15 (R-18), computed from the birth date, and records them on the procedure', async () => {
    const { residentId, cardId } = await residentWithActiveCard(world, { birthDate: '2016-03-01' }, { withSignatureCertificate: false, legalRepresentative: PARENT });
    await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'hotline' });
    await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/resume`, { identityDocuments: ['passport'] });
    const url = `/api/v1/cards/${cardId}/certificates/user`;
    expect(await world.call('clerk', 'POST', url, { pin: '4321', identityDocuments: ['passport'] })).toMatchObject({ status: 422, body: { code: 'REPRESENTATIVE.REQUIRED', basis: 'under-15' } });
    const parent = { name: '江戸川 一郎', relationship: 'parent', identityDocuments: ['driving-licence'], authorityDocument: '戸籍謄本' };
    const issued = await world.call('clerk', 'POST', url, { pin: '4321', identityDocuments: ['passport'], legalRepresentative: parent });
    expect(issued).toMatchObject({ status: 200, body: { certificates: { user: { status: 'valid', issuedOn: '2026-11-26' } } } });
    const acts = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}/procedures`);
    expect(acts.body.find((act: { kind: string }) => act.kind === 'certificate-issue')).toMatchObject({ details: { kind: 'user', legalRepresentative: parent } });
    const audit = await world.call('auditor', 'GET', `/api/v1/audit?subject=${cardId}&action=card.certificate`);
    expect(JSON.stringify(audit.body)).not.toContain('江戸川 一郎');
    const adult = await residentWithActiveCard(world);
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${adult.cardId}/certificates/user`, { pin: '4321', identityDocuments: ['passport'], legalRepresentative: parent })).toMatchObject({
      status: 422,
      body: { code: 'CERTIFICATE.RENEWAL_WINDOW_NOT_OPEN' },
    });
  });

  /** A child born 2016-03-01 with a card of user certificate only. */
  async function residentWithChildCard(): Promise<string> {
    const { cardId } = await residentWithActiveCard(world, { birthDate: '2016-03-01' }, { withSignatureCertificate: false, legalRepresentative: PARENT });
    return cardId;
  }
});
