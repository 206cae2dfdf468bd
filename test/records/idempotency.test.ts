import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { residentWithActiveCard, worldFor, type Answer, type Who } from '../support/world.ts';

const PROXY = { name: '江戸川 一郎', relationship: '子', identityDocuments: ['driving-licence'], authorityDocument: '委任状' };

/** The same object with its members, and those of the objects in it, in the opposite order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, member]) => [key, reordered(member)]),
  );
}

describe.each(DIALECTS)('Idempotency-Key on every unsafe route on $name', ({ create }) => {
  const world = worldFor(create);
  let ids: { resident: string; card: string };
  const count = async (table: 'audit_log' | 'proxy_enquiries' | 'approvals' | 'staff' | 'job_runs' | 'idempotency_keys') =>
    Number((await world.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => ({
    audit: await count('audit_log'),
    enquiries: await count('proxy_enquiries'),
    approvals: await count('approvals'),
    staff: await count('staff'),
    jobRuns: await count('job_runs'),
  });

  /**
   * Sends a request with a fresh key, then again with the members of its body in the opposite
   * order: the repeat must answer as the first did and change nothing (no row, no audit entry).
   */
  async function repeated(who: Who, url: string, body: object): Promise<Answer> {
    const key = { 'idempotency-key': randomUUID() };
    const first = await world.call(who, 'POST', url, body, key);
    const after = await counts();
    const again = await world.call(who, 'POST', url, reordered(body), key);
    expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
    expect(await counts()).toEqual(after);
    return first;
  }

  beforeAll(async () => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    ids = { resident: residentId, card: cardId };
  });

  it('records a proxy enquiry, asks for an approval and decides it once', async () => {
    const before = await counts();
    const enquiry = await repeated('clerk', `/api/v1/residents/${ids.resident}/proxy-enquiries`, { enquiredOn: '2026-11-20', callerName: PROXY.name, relationship: '子', procedure: 'pin-reset' });
    expect(enquiry.status).toBe(201);
    const request = await repeated('clerk', '/api/v1/approvals', { kind: 'proxy', residentId: ids.resident, enquiryId: enquiry.body.id, procedure: 'pin-reset', proxy: PROXY });
    expect(request).toMatchObject({ status: 201, body: { status: 'pending' } });
    // A second decision would be 409 APPROVAL.ALREADY_DECIDED: the repeat answers the first one.
    expect(await repeated('supervisor', `/api/v1/approvals/${request.body.id}/approve`, { note: '本人確認済み' })).toMatchObject({ status: 200, body: { status: 'approved' } });
    const refusal = await world.call('clerk', 'POST', '/api/v1/approvals', { kind: 'proxy', residentId: ids.resident, enquiryId: enquiry.body.id, procedure: 'pin-reset', proxy: PROXY });
    expect(await repeated('supervisor', `/api/v1/approvals/${refusal.body.id}/refuse`, { note: '委任状の記載に不備' })).toMatchObject({ status: 200, body: { status: 'refused' } });
    expect(await counts()).toMatchObject({ enquiries: before.enquiries + 1, approvals: before.approvals + 2 });
  });

  it('reveals a number once: the repeat answers the same number, the audit trail has one reveal, and the kept answer holds no number', async () => {
    const reveals = async () => (await world.store.db.selectFrom('audit_log').select('action').where('action', '=', 'resident.reveal-number').execute()).length;
    const before = await reveals();
    const first = await repeated('clerk', `/api/v1/residents/${ids.resident}/individual-number/reveal`, { purpose: '住基との突合' });
    expect(first.body.individualNumber).toMatch(/^\d{12}$/);
    expect(await reveals()).toBe(before + 1);
    const kept = await world.store.db.selectFrom('idempotency_keys').select('result').execute();
    expect(kept.map((row) => row.result).join('\n')).not.toContain(first.body.individualNumber);
  });

  it('counts a wrong PIN once when its check is repeated', async () => {
    const first = await repeated('clerk', `/api/v1/cards/${ids.card}/pins/card-info/verify`, { pin: '9999' });
    expect(first.body).toMatchObject({ ok: false, remainingAttempts: 2 });
    const card = await world.call('clerk', 'GET', `/api/v1/cards/${ids.card}`);
    expect(card.body.pins.cardInfo).toMatchObject({ remainingAttempts: 2, locked: false });
  });

  it('adds a staff account once and runs the sweep once, though neither is one command', async () => {
    const account = await repeated('admin', '/api/v1/staff', { username: 'idem.once', name: '一度 だけ', role: 'clerk', officeId: 'honcho' });
    expect(account).toMatchObject({ status: 201, body: { username: 'idem.once' } });
    const run = await repeated('supervisor', '/api/v1/jobs/sweep/run', { today: '2026-11-26' });
    expect(run).toMatchObject({ status: 200, body: { status: 'done', businessDate: '2026-11-26' } });
  });

  it('refuses the same key with another request, on a command and on a route that keeps the answer itself', async () => {
    const key = { 'idempotency-key': randomUUID() };
    const enquiry = { enquiredOn: '2026-11-20', callerName: PROXY.name, relationship: '子', procedure: 'pin-reset' };
    expect((await world.call('clerk', 'POST', `/api/v1/residents/${ids.resident}/proxy-enquiries`, enquiry, key)).status).toBe(201);
    expect(await world.call('clerk', 'POST', `/api/v1/residents/${ids.resident}/proxy-enquiries`, { ...enquiry, relationship: '配偶者' }, key)).toMatchObject({
      status: 422,
      body: { code: 'IDEMPOTENCY.KEY_REUSED' },
    });
    const sweep = { 'idempotency-key': randomUUID() };
    expect((await world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', { today: '2026-11-25' }, sweep)).status).toBe(200);
    expect(await world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', { today: '2026-11-24' }, sweep)).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY.KEY_REUSED' } });
    // A key is the staff member's own: another's same key is another request.
    expect((await world.call('admin', 'POST', '/api/v1/jobs/sweep/run', { today: '2026-11-24' }, sweep)).status).toBe(200);
  });

  it('does the work once when two requests with one key arrive together', async () => {
    const before = await counts();
    const together = (who: Who, url: string, body: object) => {
      const key = { 'idempotency-key': randomUUID() };
      return Promise.all([world.call(who, 'POST', url, body, key), world.call(who, 'POST', url, reordered(body), key)]);
    };
    const [enquiries, accounts, runs] = await Promise.all([
      together('clerk', `/api/v1/residents/${ids.resident}/proxy-enquiries`, { enquiredOn: '2026-11-20', callerName: PROXY.name, relationship: '子', procedure: 'issuance' }),
      together('admin', '/api/v1/staff', { username: 'idem.together', name: '同時 に', role: 'clerk', officeId: 'honcho' }),
      together('supervisor', '/api/v1/jobs/sweep/run', { today: '2026-11-26' }),
    ]);
    for (const [first, second] of [enquiries, accounts, runs]) {
      expect(first!.status).toBeLessThan(300);
      expect({ status: second!.status, body: second!.body }).toEqual({ status: first!.status, body: first!.body });
    }
    expect(await counts()).toMatchObject({ enquiries: before.enquiries + 1, staff: before.staff + 1, jobRuns: before.jobRuns + 1 });
  });
});
