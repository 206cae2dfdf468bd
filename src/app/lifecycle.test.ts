import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/databases.ts';
import { createStaff, openTestApp, type TestApp } from '../../test/support/app.ts';
import type { Actor } from './actor.ts';
import { verifyAudit } from './audit-trail.ts';
import { applyForCard } from './cards/apply-for-card.ts';
import { issueCard } from './cards/issue-card.ts';
import { manufactureCard } from './cards/manufacture-card.ts';
import { resumeCard } from './cards/resume-card.ts';
import { suspendCard } from './cards/suspend-card.ts';
import { registerResident } from './residents/register-resident.ts';

describe.each(DIALECTS)('a card from application to resumption on $name', ({ create }) => {
  let t: TestApp;
  let clerk: Actor;
  let hotline: Actor;
  beforeAll(async () => {
    t = await openTestApp(await create());
    clerk = await createStaff(t.app, 'clerk1', 'clerk', 'honcho');
    hotline = await createStaff(t.app, 'op1', 'hotline', 'hotline');
  });
  afterAll(async () => {
    await t.close();
    await t.database.drop();
  });

  it('runs', async () => {
    const resident = await registerResident(t.app, clerk, {
      residentCode: '12345678901',
      individualNumber: '123456789018',
      familyName: '山田',
      givenName: '太郎',
      familyNameKana: 'ヤマダ',
      givenNameKana: 'タロウ',
      birthDate: '1990-05-10' as never,
      sex: 'male',
      address: '東京都江戸川区中央一丁目4番1号',
      nationality: 'JP',
      residency: 'national',
    });
    expect(resident).toMatchObject({ ok: true, value: { individualNumber: '********9018' } });
    if (!resident.ok) return;
    const applied = await applyForCard(t.app, clerk, resident.value.id, {
      applicationDate: '2026-10-01' as never,
      photoTakenOn: '2026-09-01' as never,
      withSignatureCertificate: true,
      withUserCertificate: true,
    });
    expect(applied).toMatchObject({ ok: true, value: { status: 'applied' } });
    if (!applied.ok) return;
    const made = await manufactureCard(t.app, clerk, applied.value.id, { issueDate: '2026-11-10' as never });
    expect(made).toMatchObject({ ok: true, value: { status: 'ready', expiryDate: '2036-05-10' } });
    const issued = await issueCard(t.app, clerk, applied.value.id, {
      handedOverOn: '2026-11-26' as never,
      pins: { signature: 'abc123', user: '1234', residentRegistry: '1234', cardInfo: '1234' },
      identityDocuments: ['driving-licence'],
      notificationCardReturned: true,
    });
    expect(issued).toMatchObject({ ok: true, value: { status: 'active', certificates: { signature: { status: 'valid', expiresOn: '2031-05-10' } } } });
    const suspended = await suspendCard(t.app, hotline, applied.value.id, { reason: 'lost', channel: 'hotline' });
    expect(suspended).toMatchObject({ ok: true, value: { status: 'suspended', certificates: { signature: { status: 'held' }, user: { status: 'held' } } } });
    const byPhone = await resumeCard(t.app, hotline, applied.value.id, { identityDocuments: ['driving-licence'] });
    expect(byPhone).toMatchObject({ ok: false, error: { code: 'AUTH.COUNTER_ONLY' } });
    const resumed = await resumeCard(t.app, clerk, applied.value.id, { identityDocuments: ['driving-licence'] });
    expect(resumed).toMatchObject({ ok: true, value: { status: 'active' } });
    expect(await verifyAudit(t.store, t.app.keys)).toMatchObject({ ok: true });
  });
});
