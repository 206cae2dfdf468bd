import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { GUARDIAN, residentBody, residentWithActiveCard, worldFor } from '../support/world.ts';

/** 成年後見 on the resident record (docs/api.md "Legal representatives", R-18, Corrections 2026-12), on each database. */
describe.each(DIALECTS)('adult wards on $name', ({ create }) => {
  const world = worldFor(create);

  it('registers an adult ward, and applies for a card without a signature certificate only', async () => {
    const ward = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ adultWard: true }));
    expect(ward).toMatchObject({ status: 201, body: { adultWard: true } });
    const other = await world.call('clerk', 'POST', '/api/v1/residents', residentBody());
    expect(other.body.adultWard).toBe(false);
    const url = `/api/v1/residents/${ward.body.id}/card-applications`;
    const signature = await world.call('clerk', 'POST', url, { applicationDate: '2026-11-20', photoTakenOn: '2026-11-01', withSignatureCertificate: true, withUserCertificate: true });
    expect(signature).toMatchObject({ status: 422, body: { code: 'CERTIFICATE.SIGNATURE_NOT_ALLOWED' } });
    const userOnly = await world.call('clerk', 'POST', url, { applicationDate: '2026-11-20', photoTakenOn: '2026-11-01', withSignatureCertificate: false, withUserCertificate: true, legalRepresentative: GUARDIAN });
    expect(userOnly.status).toBe(201);
  });

  it('records a guardianship: the signature certificate is revoked, none is issued again, the user certificate stays; recorded and audited', async () => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    const url = `/api/v1/residents/${residentId}/guardianship`;
    expect(await world.call('hotline', 'POST', url, { adultWard: true, effectiveDate: '2026-11-25' })).toMatchObject({ status: 403, body: { code: 'AUTH.COUNTER_ONLY' } });
    expect(await world.call('clerk', 'POST', url, { adultWard: true, effectiveDate: '2026-11-27' })).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID' } });
    const ward = await world.call('clerk', 'POST', url, { adultWard: true, effectiveDate: '2026-11-25' });
    expect(ward).toMatchObject({
      status: 200,
      body: { adultWard: true, version: 2, cards: [{ certificates: { signature: { status: 'revoked', revokedOn: '2026-11-25', revokedReason: 'adult-ward' }, user: { status: 'valid' } } }] },
    });
    expect(ward.body.allowedActions).toContain('set-guardianship');
    expect(await world.call('clerk', 'POST', url, { adultWard: true, effectiveDate: '2026-11-25' })).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID' } });
    const again = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/certificates/signature`, { pin: 'NEW456', identityDocuments: ['passport'] });
    expect(again).toMatchObject({ status: 422, body: { code: 'CERTIFICATE.SIGNATURE_NOT_ALLOWED', kind: 'signature' } });
    const acts = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}/procedures`);
    expect(acts.body.find((act: { kind: string }) => act.kind === 'guardianship')).toMatchObject({ details: { adultWard: true, effectiveDate: '2026-11-25' } });
    const audit = await world.call('auditor', 'GET', `/api/v1/audit?subject=${residentId}&action=resident.guardianship`);
    expect(audit.body.map((entry: { outcome: string }) => entry.outcome)).toEqual(['refused', 'refused', 'ok', 'refused']);

    const ended = await world.call('clerk', 'POST', url, { adultWard: false, effectiveDate: '2026-11-26' });
    expect(ended).toMatchObject({ status: 200, body: { adultWard: false } });
    const issued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/certificates/signature`, { pin: 'NEW456', identityDocuments: ['passport'] });
    expect(issued).toMatchObject({ status: 200, body: { certificates: { signature: { status: 'valid' } } } });
  });
});
