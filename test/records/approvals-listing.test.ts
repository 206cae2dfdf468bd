import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { residentBody, worldFor } from '../support/world.ts';

const PROXY = { name: '江戸川 一郎', relationship: '子', identityDocuments: ['passport'], authorityDocument: '委任状' };

describe.each(DIALECTS)('approvals as the screens list them, on $name', ({ create }) => {
  const world = worldFor(create);

  it("lists a resident's proxy enquiries latest first, for whoever may ask for an approval", async () => {
    const resident = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ familyName: '承認', givenName: '待子', familyNameKana: 'ショウニン', givenNameKana: 'マチコ' }));
    const id = resident.body.id as string;
    expect(await world.call('clerk', 'GET', `/api/v1/residents/${id}/proxy-enquiries`)).toMatchObject({ status: 200, body: [] });
    const first = await world.call('clerk', 'POST', `/api/v1/residents/${id}/proxy-enquiries`, { enquiredOn: '2026-11-20', callerName: '江戸川 一郎', relationship: '子', procedure: 'issuance' });
    const second = await world.call('clerk', 'POST', `/api/v1/residents/${id}/proxy-enquiries`, { enquiredOn: '2026-11-24', callerName: '江戸川 次郎', relationship: '孫', procedure: 'pin-reset' });
    const listed = await world.call('supervisor', 'GET', `/api/v1/residents/${id}/proxy-enquiries`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((enquiry: { id: string }) => enquiry.id)).toEqual([second.body.id, first.body.id]);
    expect(listed.body[0]).toMatchObject({ callerName: '江戸川 次郎', relationship: '孫', procedure: 'pin-reset', enquiredOn: '2026-11-24' });
    // Only those who ask for approvals see them; an unknown resident is not found.
    for (const who of ['hotline', 'auditor', 'admin'] as const) expect((await world.call(who, 'GET', `/api/v1/residents/${id}/proxy-enquiries`)).status, who).toBe(403);
    expect((await world.call('clerk', 'GET', '/api/v1/residents/00000000-0000-7000-8000-000000000000/proxy-enquiries')).body.code).toBe('RESIDENT.NOT_FOUND');
  });

  it('names the resident of each request, and refuses one only with a reason', async () => {
    const resident = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ familyName: '代理', givenName: '頼子', familyNameKana: 'ダイリ', givenNameKana: 'ヨリコ' }));
    const id = resident.body.id as string;
    const enquiry = await world.call('clerk', 'POST', `/api/v1/residents/${id}/proxy-enquiries`, { enquiredOn: '2026-11-20', callerName: PROXY.name, relationship: PROXY.relationship, procedure: 'issuance' });
    const request = await world.call('clerk', 'POST', '/api/v1/approvals', { kind: 'proxy', residentId: id, enquiryId: enquiry.body.id, procedure: 'issuance', proxy: PROXY });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    const pending = await world.call('supervisor', 'GET', '/api/v1/approvals');
    expect(pending.body.find((approval: { id: string }) => approval.id === request.body.id)).toMatchObject({ residentId: id, resident: { name: '代理 頼子', kana: 'ダイリ ヨリコ' } });

    for (const body of [{}, { note: '' }, { note: '   ' }]) {
      expect(await world.call('supervisor', 'POST', `/api/v1/approvals/${request.body.id}/refuse`, body), JSON.stringify(body)).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID', errors: [{ pointer: '/note' }] } });
    }
    expect((await world.call('supervisor', 'GET', `/api/v1/approvals?residentId=${id}`)).body[0]).toMatchObject({ status: 'pending' });
    const refused = await world.call('supervisor', 'POST', `/api/v1/approvals/${request.body.id}/refuse`, { note: ' 委任状の日付がありません ' });
    expect(refused).toMatchObject({ status: 200, body: { status: 'refused', decisionNote: '委任状の日付がありません' } });
    const audit = await world.call('auditor', 'GET', `/api/v1/audit?subject=${request.body.id}&action=approval.refuse`);
    expect(audit.body.map((entry: { outcome: string }) => entry.outcome)).toEqual(['refused', 'refused', 'refused', 'ok']);
    expect(audit.body.at(-1)).toMatchObject({ resident: { id, name: '代理 頼子' } });
  });
});
