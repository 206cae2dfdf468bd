import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/app/guide/lang.ts';
import { DIALECTS } from '../support/databases.ts';
import { openWorld, residentBody, type World } from '../support/world.ts';

let world: World;
beforeAll(async () => {
  world = await openWorld(await DIALECTS[0]!.create(), { appointmentLookupFailuresPerAddress: 1000 });
});
afterAll(async () => {
  await world?.close();
});

async function readyReference(birthDate: string): Promise<string> {
  const resident = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ birthDate }));
  const card = await world.call('clerk', 'POST', `/api/v1/residents/${resident.body.id}/card-applications`, { applicationDate: '2026-10-01', photoTakenOn: '2026-09-20', withSignatureCertificate: false, withUserCertificate: true });
  await world.call('clerk', 'POST', `/api/v1/cards/${card.body.id}/manufacture`, { issueDate: '2026-11-20' });
  const row = await world.store.db.selectFrom('cards').select('pickup_reference').where('id', '=', card.body.id).executeTakeFirstOrThrow();
  return row.pickup_reference!;
}

const post = (url: string, form: Record<string, string>) =>
  world.http.inject({ method: 'POST', url, payload: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('the guide’s pickup booking pages, sent as plain forms', () => {
  it('in every language: the slots, a confirmation with the code, a cancellation; html-validate clean', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    const check = async (what: string, body: string) => {
      const report = await validator.validateString(body);
      for (const result of report.results) for (const message of result.messages) problems.push(`${what}: ${message.ruleId} ${message.message}`);
      const title = /<title>([^<]*)<\/title>/.exec(body)![1]!;
      if ([...title].length > 70) problems.push(`${what}: title of ${[...title].length} characters`);
    };
    for (const lang of LANGS) {
      const reference = await readyReference('1970-07-07');
      const typed = { referenceNumber: `${reference.slice(0, 5)} ${reference.slice(5)}`.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0)), birthDate: '1970-07-07' };
      const missing = await post(`/guide/${lang}/pickup-booking/slots`, { referenceNumber: '', birthDate: '' });
      expect(missing.statusCode).toBe(400);
      await check(`${lang} missing`, missing.body);
      const unknown = await post(`/guide/${lang}/pickup-booking/slots`, { ...typed, birthDate: '1970-07-08' });
      expect(unknown.statusCode).toBe(404);
      await check(`${lang} not found`, unknown.body);
      // Full-width digits with a space, as typed from the notice, are read.
      const slots = await post(`/guide/${lang}/pickup-booking/slots`, typed);
      expect(slots.statusCode, slots.body.slice(0, 400)).toBe(200);
      expect(slots.body).toContain('value="2026-11-27T09:00:00+09:00"');
      await check(`${lang} slots`, slots.body);
      const none = await post(`/guide/${lang}/pickup-booking/book`, typed);
      expect(none.statusCode).toBe(400);
      await check(`${lang} no slot chosen`, none.body);
      const booked = await post(`/guide/${lang}/pickup-booking/book`, { ...typed, slotStart: '2026-11-27T09:00:00+09:00' });
      expect(booked.statusCode).toBe(201);
      await check(`${lang} booked`, booked.body);
      const code = /id="cancel-code">([0-9A-Z-]+)</.exec(booked.body)![1]!;
      const again = await post(`/guide/${lang}/pickup-booking/slots`, typed);
      const id = /name="id" value="([0-9a-f-]+)"/.exec(again.body)![1]!;
      await check(`${lang} booked, with the cancel form`, again.body);
      const wrong = await post(`/guide/${lang}/pickup-booking/cancel`, { ...typed, id, cancelCode: 'AAAA-AAAA-AAAA' });
      expect(wrong.statusCode).toBe(404);
      await check(`${lang} wrong code`, wrong.body);
      const cancelled = await post(`/guide/${lang}/pickup-booking/cancel`, { ...typed, id, cancelCode: code });
      expect(cancelled.statusCode).toBe(200);
      await check(`${lang} cancelled`, cancelled.body);
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
