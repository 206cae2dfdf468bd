import { describe, expect, it } from 'vitest';
import { rebuildCards } from '../../src/app/rebuild.ts';
import { systemActor } from '../../src/app/staff.ts';
import { DIALECTS } from '../support/databases.ts';
import { PARENT, PINS, residentBody, residentWithActiveCard, worldFor } from '../support/world.ts';

/** Every procedure of the seed, through the HTTP API as a counter or the hotline uses it, on each database. */
describe.each(DIALECTS)('procedures on $name', ({ create }) => {
  const world = worldFor(create);

  it('registers a resident with the number masked, and refuses a bad or repeated number', async () => {
    const body = residentBody({ individualNumber: '１２３４５６７８９０１８' });
    const created = await world.call('clerk', 'POST', '/api/v1/residents', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ individualNumber: '********9018', familyNameKana: 'エドガワ', registration: 'registered', version: 1 });
    expect(JSON.stringify(created.body)).not.toContain('123456789018');
    const again = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ individualNumber: '123456789018' }));
    expect(again).toMatchObject({ status: 409, body: { code: 'RESIDENT.DUPLICATE' } });
    const invalid = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ individualNumber: '123456789019' }));
    expect(invalid).toMatchObject({ status: 400, body: { code: 'RESIDENT.INVALID_INDIVIDUAL_NUMBER' } });
    const reveal = await world.call('clerk', 'POST', `/api/v1/residents/${created.body.id}/individual-number/reveal`, { purpose: '住民票の写しの交付' });
    expect(reveal).toMatchObject({ status: 200, body: { individualNumber: '123456789018' } });
    const audit = await world.call('auditor', 'GET', `/api/v1/audit?subject=${created.body.id}&action=resident.reveal-number`);
    expect(audit.body).toEqual([expect.objectContaining({ action: 'resident.reveal-number', outcome: 'ok', details: { purpose: '住民票の写しの交付' } })]);
    expect(JSON.stringify(audit.body)).not.toContain('123456789018');
  });

  it('finds residents by kana or kanji (partial), birth date, address and phone; the hotline may search', async () => {
    await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ familyName: '葛西', givenName: '一郎', familyNameKana: 'カサイ', givenNameKana: 'イチロウ', birthDate: '1971-03-03', address: '東京都江戸川区西葛西六丁目1番', phone: '03-1111-2222' }));
    for (const query of ['q=%E3%81%8B%E3%81%95%E3%81%84', 'q=%E3%82%A4%E3%83%81%E3%83%AD%E3%82%A6', 'q=%E8%91%9B%E8%A5%BF', 'birthDate=1971-03-03', 'address=%E8%A5%BF%E8%91%9B%E8%A5%BF%E5%85%AD', 'phone=03-1111-2222', 'q=%E3%82%AB%E3%82%B5%E3%82%A4&birthDate=1971-03-03']) {
      const found = await world.call('hotline', 'GET', `/api/v1/residents?${query}`);
      expect(found.status, query).toBe(200);
      expect(found.body.residents.map((r: { givenName: string }) => r.givenName), query).toContain('一郎');
      expect(found.body.residents[0].individualNumber).toMatch(/^\*{8}\d{4}$/);
    }
    expect(await world.call('clerk', 'GET', '/api/v1/residents')).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID' } });
  });

  it('pages through search results with a cursor', async () => {
    for (let i = 0; i < 5; i++) await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ familyNameKana: 'ページ', givenNameKana: `テスト${'ア'.repeat(i + 1)}`, familyName: '頁' }));
    const first = await world.call('clerk', 'GET', '/api/v1/residents?q=%E3%83%9A%E3%83%BC%E3%82%B8&limit=3');
    expect(first.body.residents).toHaveLength(3);
    const second = await world.call('clerk', 'GET', `/api/v1/residents?q=%E3%83%9A%E3%83%BC%E3%82%B8&limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.residents).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    const names = [...first.body.residents, ...second.body.residents].map((r: { givenNameKana: string }) => r.givenNameKana);
    expect(new Set(names).size).toBe(5);
  });

  it('applies, manufactures and issues a card: expiry (R-3), certificates (R-4), PINs set but never shown', async () => {
    const { cardId } = await residentWithActiveCard(world, { birthDate: '1990-05-10' });
    const card = await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`);
    expect(card.body).toMatchObject({
      status: 'active',
      issueDate: '2026-10-15',
      expiryDate: '2036-05-10',
      expiryBasis: '10th-birthday',
      handedOverOn: '2026-11-02',
      handedOverOfficeId: 'honcho',
      certificates: { signature: { status: 'valid', expiresOn: '2031-05-10' }, user: { status: 'valid', expiresOn: '2031-05-10' } },
      pins: { signature: { set: true, locked: false, remainingAttempts: 5 }, residentRegistry: { set: true, locked: false, remainingAttempts: 3 } },
    });
    for (const pin of Object.values(PINS)) expect(JSON.stringify(card.body)).not.toContain(`"${pin}"`);
    const history = await world.call('clerk', 'GET', `/api/v1/cards/${cardId}/history`);
    expect(history.body.map((event: { type: string }) => event.type)).toEqual(['CardApplied', 'CardManufactured', 'CardIssued']);
    // Quoted, as a value would be: a bare "5678" turns up inside ids and times by chance.
    for (const pin of [...Object.values(PINS), PINS.signature.toUpperCase()]) expect(JSON.stringify(history.body)).not.toContain(`"${pin}"`);
  });

  it('refuses an old photo, a second live card, and a signature certificate for a child', async () => {
    const resident = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ birthDate: '2015-06-01' }));
    const url = `/api/v1/residents/${resident.body.id}/card-applications`;
    const old = await world.call('clerk', 'POST', url, { applicationDate: '2026-11-20', photoTakenOn: '2026-05-19', withSignatureCertificate: false, withUserCertificate: true });
    expect(old).toMatchObject({ status: 422, body: { code: 'APPLICATION.PHOTO_TOO_OLD' } });
    const child = await world.call('clerk', 'POST', url, { applicationDate: '2026-11-20', photoTakenOn: '2026-11-01', withSignatureCertificate: true, withUserCertificate: true });
    expect(child).toMatchObject({ status: 422, body: { code: 'CERTIFICATE.SIGNATURE_UNDER_15' } });
    const ok = await world.call('clerk', 'POST', url, { applicationDate: '2026-11-20', photoTakenOn: '2026-05-20', withSignatureCertificate: false, withUserCertificate: true, legalRepresentative: PARENT });
    expect(ok.status).toBe(201);
    const second = await world.call('clerk', 'POST', url, { applicationDate: '2026-11-20', photoTakenOn: '2026-11-01', withSignatureCertificate: false, withUserCertificate: true });
    expect(second).toMatchObject({ status: 409, body: { code: 'RESIDENT.CARD_ALREADY_HELD', currentStatus: 'applied' } });
  });

  it('hands a card over only at the counter it waits at, and only with enough identity and valid PINs', async () => {
    const resident = await world.call('clerk', 'POST', '/api/v1/residents', residentBody());
    const card = await world.call('clerk', 'POST', `/api/v1/residents/${resident.body.id}/card-applications`, {
      applicationDate: '2026-11-01',
      photoTakenOn: '2026-10-01',
      withSignatureCertificate: true,
      withUserCertificate: true,
      pickupOfficeId: 'kasai',
    });
    await world.call('clerk', 'POST', `/api/v1/cards/${card.body.id}/manufacture`, { issueDate: '2026-11-20' });
    const issue = { handedOverOn: '2026-11-26', pins: PINS, identityDocuments: ['driving-licence'], notificationCardReturned: false };
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${card.body.id}/issue`, issue)).toMatchObject({ status: 403, body: { code: 'AUTH.OFFICE_NOT_ALLOWED', pickupOfficeId: 'kasai' } });
    expect(await world.call('kasaiClerk', 'POST', `/api/v1/cards/${card.body.id}/issue`, { ...issue, identityDocuments: ['health-insurance-card'] })).toMatchObject({
      status: 422,
      body: { code: 'IDENTITY.INSUFFICIENT' },
    });
    expect(await world.call('kasaiClerk', 'POST', `/api/v1/cards/${card.body.id}/issue`, { ...issue, pins: { ...PINS, user: '12a4' } })).toMatchObject({
      status: 422,
      body: { code: 'PIN.INVALID_FORMAT', pin: 'user' },
    });
    // A paper health insurance card counts no more after 2025-12-01; the 資格確認書 replaced it.
    expect(await world.call('kasaiClerk', 'POST', `/api/v1/cards/${card.body.id}/issue`, { ...issue, identityDocuments: ['health-insurance-card', 'pension-book'] })).toMatchObject({
      status: 422,
      body: { code: 'IDENTITY.INSUFFICIENT' },
    });
    const issued = await world.call('kasaiClerk', 'POST', `/api/v1/cards/${card.body.id}/issue`, { ...issue, identityDocuments: ['qualification-certificate', 'pension-book'] });
    expect(issued).toMatchObject({ status: 200, body: { status: 'active', handedOverOfficeId: 'kasai' } });
  });

  it('notes an address change on the card with the 住基 PIN; the signature certificate is revoked; a full field needs a new card', async () => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    const moved = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/address-change`, { address: '東京都江戸川区船堀二丁目1番', effectiveDate: '2026-11-20' });
    expect(moved).toMatchObject({ status: 200, body: { address: '東京都江戸川区船堀二丁目1番', cards: [{ certificates: { signature: { status: 'revoked', revokedReason: 'address-change' }, user: { status: 'valid' } } }] } });
    const note = { kind: 'address', text: '船堀二丁目1番', date: '2026-11-20' };
    const wrong = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/front-notes`, { ...note, pin: '0000' });
    expect(wrong).toMatchObject({ status: 422, body: { code: 'PIN.MISMATCH', remainingAttempts: 2 } });
    const added = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/front-notes`, { ...note, pin: PINS.residentRegistry });
    expect(added).toMatchObject({ status: 200, body: { frontNotes: [note], pins: { residentRegistry: { remainingAttempts: 3 } } } });
    for (let i = 0; i < 3; i++) await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/front-notes`, { ...note, text: `note ${i}`, pin: PINS.residentRegistry });
    const full = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/front-notes`, { ...note, pin: PINS.residentRegistry });
    expect(full).toMatchObject({ status: 422, body: { code: 'CARD.NOTES_FULL', reissueReason: 'notes-full', fee: 0 } });
    const reissue = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, {
      reason: 'notes-full',
      photoTakenOn: '2026-11-01',
      applicationDate: '2026-11-26',
      identityDocuments: ['my-number-card'],
    });
    expect(reissue).toMatchObject({ status: 200, body: { fee: { total: 0 }, receiptNumber: null, newCard: { status: 'applied', applicationReason: 'notes-full', previousCardId: cardId } } });
    // the full card stays usable until the new one is handed over (test/records/card-life.test.ts).
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body).toMatchObject({ status: 'active', endReason: null });
  });

  it('revokes the signature certificate on a change of name', async () => {
    const { residentId } = await residentWithActiveCard(world);
    const renamed = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/name-change`, {
      familyName: '小岩',
      givenName: '花子',
      familyNameKana: 'コイワ',
      givenNameKana: 'ハナコ',
      effectiveDate: '2026-11-25',
    });
    expect(renamed).toMatchObject({ status: 200, body: { familyName: '小岩', cards: [{ certificates: { signature: { status: 'revoked', revokedReason: 'name-change' } } }] } });
  });

  it('keeps a card across a move out and back in, until continuation (R-7, R-8), with the 住基 PIN', async () => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    const out = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/move-out`, { plannedMoveOutDate: '2026-11-10', destination: '千葉県浦安市' });
    expect(out).toMatchObject({ status: 200, body: { registration: 'moved-out', cards: [{ status: 'active' }] } });
    const back = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/move-in`, {
      moveInDate: '2026-11-20',
      notificationDate: '2026-11-26',
      address: '東京都江戸川区小岩一丁目1番',
      cardPresented: true,
    });
    expect(back).toMatchObject({
      status: 200,
      body: { registration: 'registered', cards: [{ status: 'active', continuation: { notificationDate: '2026-11-26', deadline: '2027-02-24', lapsesOn: '2027-02-25' } }] },
    });
    const continued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/continuation`, { pin: PINS.residentRegistry, presentedBy: 'household-member', date: '2026-11-26' });
    expect(continued).toMatchObject({ status: 200, body: { continuation: null, status: 'active' } });
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/continuation`, { pin: PINS.residentRegistry, presentedBy: 'holder', date: '2026-11-26' })).toMatchObject({
      status: 409,
      body: { code: 'CARD.NO_CONTINUATION_PENDING' },
    });
  });

  it('abolishes a card brought in too late, and refuses continuation after the deadline', async () => {
    const late = await residentWithActiveCard(world);
    await world.call('clerk', 'POST', `/api/v1/residents/${late.residentId}/move-out`, { plannedMoveOutDate: '2026-09-01', destination: '埼玉県川口市' });
    const back = await world.call('clerk', 'POST', `/api/v1/residents/${late.residentId}/move-in`, { moveInDate: '2026-10-01', notificationDate: '2026-11-26', address: '東京都江戸川区中央一丁目1番', cardPresented: true });
    expect(back.body.cards[0]).toMatchObject({ status: 'abolished', endReason: 'move-in-late' });

    const lapsing = await residentWithActiveCard(world);
    await world.call('clerk', 'POST', `/api/v1/residents/${lapsing.residentId}/move-out`, { plannedMoveOutDate: '2026-11-10', destination: '千葉県市川市' });
    await world.call('clerk', 'POST', `/api/v1/residents/${lapsing.residentId}/move-in`, { moveInDate: '2026-11-12', notificationDate: '2026-11-20', address: '東京都江戸川区平井一丁目1番', cardPresented: false });
    world.clock.set('2027-03-01' as never);
    try {
      const lapsed = await world.call('clerk', 'POST', `/api/v1/cards/${lapsing.cardId}/continuation`, { pin: PINS.residentRegistry, presentedBy: 'holder', date: '2027-03-01' });
      expect(lapsed).toMatchObject({ status: 422, body: { code: 'CARD.CONTINUATION_LAPSED', deadline: '2027-02-17' } });
    } finally {
      world.clock.set('2026-11-26' as never);
    }
  });

  it('abolishes the card of a resident moving abroad on the planned move-out date, not on the filing day (R-17)', async () => {
    const { residentId } = await residentWithActiveCard(world);
    const abroad = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/move-out`, { plannedMoveOutDate: '2026-12-10', destination: 'Canada', abroad: true });
    expect(abroad).toMatchObject({ status: 200, body: { registration: 'moved-abroad', cards: [{ status: 'active', scheduledAbolition: { on: '2026-12-10', reason: 'moved-abroad' } }] } });
  });

  it('takes over the card of a person arriving from elsewhere, with its own dates and PINs', async () => {
    const arrival = await world.call('clerk', 'POST', '/api/v1/residents/arrivals', {
      ...residentBody(),
      moveInDate: '2026-11-15',
      notificationDate: '2026-11-24',
      plannedMoveOutDate: '2026-11-14',
      cardPresented: false,
      card: {
        issueDate: '2023-04-01',
        expiryDate: '2033-05-10',
        issuedBy: '千葉県市川市',
        certificates: { user: { issuedOn: '2023-04-10', expiresOn: '2028-05-10' } },
        pins: { user: '1111', residentRegistry: '2222', cardInfo: '3333' },
      },
    });
    expect(arrival).toMatchObject({
      status: 201,
      body: { cards: [{ status: 'active', issueDate: '2023-04-01', expiryDate: '2033-05-10', continuation: { deadline: '2027-02-22' }, pins: { residentRegistry: { set: true }, signature: { set: false } } }] },
    });
    const cardId = arrival.body.cards[0].id;
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/continuation`, { pin: '2222', presentedBy: 'holder', date: '2026-11-26' })).toMatchObject({ status: 200, body: { continuation: null } });
  });

  it('suspends a lost card from the hotline, refuses its release by phone, and releases it at a counter', async () => {
    const { cardId } = await residentWithActiveCard(world);
    const suspended = await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'hotline', caller: { name: '本人', phone: '090-0000-0000' } });
    expect(suspended).toMatchObject({ status: 200, body: { status: 'suspended', suspension: { reason: 'lost', channel: 'hotline' }, certificates: { signature: { status: 'held' }, user: { status: 'held' } } } });
    expect(await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/resume`, { identityDocuments: ['driving-licence'] })).toMatchObject({ status: 403, body: { code: 'AUTH.COUNTER_ONLY' } });
    expect(await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'counter' })).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID' } });
    const resumed = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/resume`, { identityDocuments: ['driving-licence'] });
    expect(resumed).toMatchObject({ status: 200, body: { status: 'active', suspension: null } });
  });

  it('locks a PIN after 3 wrong entries and resets it at a counter', async () => {
    const { cardId } = await residentWithActiveCard(world);
    const url = `/api/v1/cards/${cardId}/pins/user`;
    expect(await world.call('clerk', 'POST', `${url}/verify`, { pin: '0000' })).toMatchObject({ status: 200, body: { ok: false, remainingAttempts: 2, locked: false } });
    expect(await world.call('clerk', 'POST', `${url}/verify`, { pin: PINS.user })).toMatchObject({ status: 200, body: { ok: true, remainingAttempts: 3 } });
    for (const remaining of [2, 1]) expect((await world.call('clerk', 'POST', `${url}/verify`, { pin: '0000' })).body.remainingAttempts).toBe(remaining);
    expect(await world.call('clerk', 'POST', `${url}/verify`, { pin: '0000' })).toMatchObject({ status: 200, body: { ok: false, remainingAttempts: 0, locked: true } });
    expect(await world.call('clerk', 'POST', `${url}/verify`, { pin: PINS.user })).toMatchObject({ status: 422, body: { code: 'PIN.LOCKED' } });
    expect(await world.call('clerk', 'POST', `${url}/reset`, { newPin: '12345', identityDocuments: ['passport'] })).toMatchObject({ status: 422, body: { code: 'PIN.INVALID_FORMAT' } });
    expect(await world.call('clerk', 'POST', `${url}/reset`, { newPin: '4321', identityDocuments: ['passport'] })).toMatchObject({ status: 200, body: { pins: { user: { locked: false, remainingAttempts: 3 } } } });
    expect(await world.call('clerk', 'POST', `${url}/verify`, { pin: '4321' })).toMatchObject({ status: 200, body: { ok: true } });
    const signature = `/api/v1/cards/${cardId}/pins/signature/verify`;
    // The signature PIN is set as typed at issue (abc123) and held in upper case: either way it is right.
    expect(await world.call('clerk', 'POST', signature, { pin: PINS.signature })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await world.call('clerk', 'POST', signature, { pin: PINS.signature.toUpperCase() })).toMatchObject({ status: 200, body: { ok: true } });
    for (let i = 4; i >= 0; i--) expect((await world.call('clerk', 'POST', signature, { pin: 'WRONG1' })).body.remainingAttempts).toBe(i);
  });

  it('reissues a stolen card only with a police report number, for ¥1,000 with a receipt', async () => {
    const { cardId } = await residentWithActiveCard(world);
    await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'stolen', channel: 'hotline' });
    const request = { reason: 'stolen', photoTakenOn: '2026-11-01', applicationDate: '2026-11-26', identityDocuments: ['passport'] };
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, request)).toMatchObject({ status: 422, body: { code: 'REISSUE.POLICE_REPORT_REQUIRED' } });
    const reissued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, { ...request, policeReportNumber: '第123号' });
    expect(reissued).toMatchObject({
      status: 200,
      body: { fee: { cardFee: 800, certificateFee: 200, total: 1000, policeReportRequired: true }, receiptNumber: expect.stringMatching(/^2026-honcho-\d{6}$/), newCard: { status: 'applied', applicationReason: 'stolen' } },
    });
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body).toMatchObject({ status: 'abolished', endReason: 'replaced' });
    const lostAtHome = await residentWithActiveCard(world);
    const home = await world.call('clerk', 'POST', `/api/v1/cards/${lostAtHome.cardId}/reissue`, { ...request, reason: 'lost', lostAtHome: true, withSignatureCertificate: false, withUserCertificate: false });
    expect(home).toMatchObject({ status: 200, body: { fee: { total: 800, policeReportRequired: false } } });
    expect(home.body.receiptNumber).not.toBe(reissued.body.receiptNumber);
  });

  it('renews a card only inside the 3 months before expiry (R-6)', async () => {
    const { cardId } = await residentWithActiveCard(world, { birthDate: '1990-05-10' });
    const early = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, { reason: 'renewal', photoTakenOn: '2026-11-01', applicationDate: '2026-11-26', identityDocuments: ['passport'] });
    expect(early).toMatchObject({ status: 422, body: { code: 'RENEWAL.WINDOW_NOT_OPEN', opensOn: '2036-02-10' } });
  });

  it("extends a foreign resident's card with a renewed period of stay (R-5)", async () => {
    const { residentId, cardId } = await residentWithActiveCard(world, {
      nationality: 'VN',
      residency: 'foreign-with-period',
      periodOfStayEnd: '2027-03-31',
      residenceCardNumber: 'AB12345678CD',
      familyName: 'NGUYEN',
      givenName: 'VAN AN',
      familyNameKana: 'グエン',
      givenNameKana: 'ヴァン アン',
    });
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body).toMatchObject({ expiryDate: '2027-03-31', expiryBasis: 'period-of-stay' });
    const stay = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/period-of-stay`, { periodOfStayEnd: '2030-03-31', residenceCardNumber: 'AB87654321CD' });
    expect(stay).toMatchObject({ status: 200, body: { periodOfStayEnd: '2030-03-31' } });
    const extended = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/extension`, { newPeriodOfStayEnd: '2030-03-31', today: '2026-11-26' });
    expect(extended).toMatchObject({ status: 200, body: { expiryDate: '2030-03-31', expiryBasis: 'period-of-stay' } });
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/extension`, { newPeriodOfStayEnd: '2029-01-01', today: '2026-11-26' })).toMatchObject({
      status: 422,
      body: { code: 'CARD.NOTHING_TO_EXTEND' },
    });
    const national = await residentWithActiveCard(world);
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${national.cardId}/extension`, { newPeriodOfStayEnd: '2030-03-31', today: '2026-11-26' })).toMatchObject({
      status: 422,
      body: { code: 'CARD.NOT_EXTENDABLE' },
    });
  });

  it('takes a card back (返納), and the search then shows the card as returned, not as none', async () => {
    const { cardId } = await residentWithActiveCard(world, { familyName: '返納', givenName: '済子', familyNameKana: 'ヘンノウ', givenNameKana: 'スミコ', birthDate: '1961-03-03' });
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/return`, { reason: 'not-needed' })).toMatchObject({
      status: 200,
      body: { status: 'returned', endReason: 'not-needed', certificates: { signature: { status: 'revoked' } } },
    });
    const found = await world.call('hotline', 'GET', `/api/v1/residents?q=${encodeURIComponent('ヘンノウ')}&birthDate=1961-03-03`);
    expect(found.body.residents).toMatchObject([{ familyName: '返納', card: { id: cardId, status: 'returned' } }]);
  });

  it('changes a leaked number (supervisor only): a new valid number, the card abolished and a free new card applied for', async () => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    const before = (await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/individual-number/reveal`, { purpose: 'check' })).body.individualNumber;
    expect(await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/individual-number-change`, { reason: '漏えい' })).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    const changed = await world.call('supervisor', 'POST', `/api/v1/residents/${residentId}/individual-number-change`, { reason: 'カードの盗難により番号が漏えい' });
    expect(changed.status).toBe(200);
    const after = (await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/individual-number/reveal`, { purpose: 'check' })).body.individualNumber;
    expect(after).not.toBe(before);
    expect((await world.call(null, 'POST', '/api/v1/rules/individual-number', { number: after })).body.valid).toBe(true);
    expect(changed.body.individualNumber).toBe(`********${after.slice(8)}`);
    expect(changed.body.cards.map((card: { status: string; applicationReason: string }) => [card.status, card.applicationReason])).toEqual([
      ['abolished', 'first'],
      ['applied', 'number-change'],
    ]);
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body.endReason).toBe('number-changed');
    expect(await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ individualNumber: before }))).toMatchObject({ status: 409, body: { code: 'RESIDENT.DUPLICATE' } });
  });

  it('lets a proxy act only after a recorded enquiry and the approval of another supervisor of the office', async () => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'hotline' });
    const enquiry = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/proxy-enquiries`, {
      enquiredOn: '2026-11-20',
      callerName: '江戸川 一郎',
      relationship: '子',
      procedure: 'suspension-release',
    });
    expect(enquiry.status).toBe(201);
    const proxy = { name: '江戸川 一郎', relationship: '子', identityDocuments: ['driving-licence'], authorityDocument: '委任状' };
    const request = await world.call('supervisor', 'POST', '/api/v1/approvals', { kind: 'proxy', residentId, enquiryId: enquiry.body.id, procedure: 'suspension-release', proxy });
    expect(request).toMatchObject({ status: 201, body: { status: 'pending', kind: 'proxy' } });
    const approvalId = request.body.id;
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/resume`, { identityDocuments: ['driving-licence'], proxyApprovalId: approvalId })).toMatchObject({
      status: 422,
      body: { code: 'APPROVAL.NOT_USABLE', approvalStatus: 'pending' },
    });
    expect(await world.call('supervisor', 'POST', `/api/v1/approvals/${approvalId}/approve`, {})).toMatchObject({ status: 403, body: { code: 'APPROVAL.SELF_APPROVAL' } });
    expect(await world.call('kasaiSupervisor', 'POST', `/api/v1/approvals/${approvalId}/approve`, {})).toMatchObject({ status: 403, body: { code: 'AUTH.OFFICE_NOT_ALLOWED' } });
    expect(await world.call('clerk', 'POST', `/api/v1/approvals/${approvalId}/approve`, {})).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    expect((await world.call('supervisor2', 'GET', '/api/v1/approvals')).body.map((a: { id: string }) => a.id)).toContain(approvalId);
    expect(await world.call('supervisor2', 'POST', `/api/v1/approvals/${approvalId}/approve`, { note: '委任状確認' })).toMatchObject({ status: 200, body: { status: 'approved' } });
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/resume`, { identityDocuments: ['driving-licence'], proxyApprovalId: approvalId })).toMatchObject({ status: 200, body: { status: 'active' } });
    await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'hotline' });
    expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/resume`, { identityDocuments: ['driving-licence'], proxyApprovalId: approvalId })).toMatchObject({
      status: 422,
      body: { code: 'APPROVAL.NOT_USABLE', approvalStatus: 'used' },
    });
    const procedures = await world.store.read.acts.listByResident(residentId);
    expect(procedures.find((record) => record.kind === 'card-resumption' && record.proxy)?.proxy).toMatchObject({ approvalId, proxy: { name: '江戸川 一郎', authorityDocument: '委任状' } });
    expect(await world.call('clerk', 'POST', '/api/v1/approvals', { kind: 'proxy', residentId, enquiryId: approvalId, procedure: 'return', proxy })).toMatchObject({
      status: 422,
      body: { code: 'PROXY.ENQUIRY_NOT_FOUND' },
    });
  });

  it('carries out a number change when a supervisor approves a clerk’s request', async () => {
    const { residentId } = await residentWithActiveCard(world);
    const request = await world.call('clerk', 'POST', '/api/v1/approvals', { kind: 'number-change', residentId, reason: '漏えいのおそれ' });
    const approved = await world.call('supervisor', 'POST', `/api/v1/approvals/${request.body.id}/approve`, {});
    expect(approved).toMatchObject({ status: 200, body: { status: 'used', kind: 'number-change' } });
    const resident = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}`);
    expect(resident.body.cards.map((card: { status: string }) => card.status)).toEqual(['abolished', 'applied']);
  });

  it('records every act as a procedure and keeps a verifiable audit trail', async () => {
    const verify = await world.call('auditor', 'GET', '/api/v1/audit/verify');
    expect(verify).toMatchObject({ status: 200, body: { ok: true } });
    expect(verify.body.entries).toBeGreaterThan(50);
    expect(await world.call('clerk', 'GET', '/api/v1/audit/verify')).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    const refused = await world.call('auditor', 'GET', '/api/v1/audit?action=card.resume&limit=1000');
    expect(refused.body.some((entry: { outcome: string; code: string }) => entry.outcome === 'refused' && entry.code === 'AUTH.COUNTER_ONLY')).toBe(true);
  });

  it('keeps every cards row equal to what its events fold to, after all of the above', async () => {
    const report = await rebuildCards(world.app, systemActor('test'));
    expect(report.cards).toBeGreaterThan(20);
    expect(report.rebuilt).toEqual([]);
  });
});
