import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { residentWithActiveCard, worldFor } from '../support/world.ts';

interface Listed {
  position: number;
  action: string;
  actorName: string | null;
  resident: { id: string; name: string; kana: string } | null;
  subjectStaffName: string | null;
  details: Record<string, unknown>;
}

describe.each(DIALECTS)('the audit trail as an auditor reads it, on $name', ({ create }) => {
  const world = worldFor(create);
  const list = async (query: string) => {
    const answer = await world.call('auditor', 'GET', `/api/v1/audit?${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as Listed[];
  };

  it('pages newest first through every entry, each once, with names instead of ids and the reveal purpose', async () => {
    const { residentId, cardId } = await residentWithActiveCard(world, { familyName: '監査', givenName: '一子', familyNameKana: 'カンサ', givenNameKana: 'カズコ' });
    expect((await world.call('supervisor', 'POST', `/api/v1/residents/${residentId}/individual-number/reveal`, { purpose: '住民票の写しの確認' })).status).toBe(200);
    expect((await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'hotline', caller: { name: '本人', phone: '090-0000-0000' } })).status).toBe(200);

    const oldest = await list('limit=1000');
    expect(oldest.length).toBeGreaterThan(6);
    const pages: Listed[][] = [];
    let cursor: number | undefined;
    do {
      pages.push(await list(`order=newest&limit=3${cursor === undefined ? '' : `&cursor=${cursor}`}`));
      cursor = pages.at(-1)!.at(-1)?.position;
    } while (pages.at(-1)!.length === 3);
    const newest = pages.flat();
    expect(newest.map((entry) => entry.position)).toEqual(oldest.map((entry) => entry.position).reverse());

    const [suspension, reveal] = newest;
    expect(suspension).toMatchObject({ action: 'card.suspend', actorName: 'operator', resident: { id: residentId, name: '監査 一子', kana: 'カンサ カズコ' } });
    expect(reveal).toMatchObject({ action: 'resident.reveal-number', actorName: 'super.honcho', resident: { id: residentId, name: '監査 一子' }, details: { purpose: '住民票の写しの確認' } });
    const signIn = newest.find((entry) => entry.action === 'session.sign-in');
    expect(signIn?.resident).toBeNull();
  });

  it('names the staff account a staff entry is about, and takes only known actions as a filter', async () => {
    const made = await world.call('admin', 'POST', '/api/v1/staff', { username: 'audited.clerk', name: '監査 対象', role: 'clerk', officeId: 'honcho' });
    expect(made.status).toBe(201);
    const [added] = await list('action=staff.add&order=newest&limit=1');
    expect(added).toMatchObject({ action: 'staff.add', actorName: 'admin', subjectStaffName: '監査 対象', resident: null });
    expect((await world.call('auditor', 'GET', '/api/v1/audit?action=card.nothing')).status).toBe(400);
    expect((await world.call('auditor', 'GET', '/api/v1/audit?order=sideways')).status).toBe(400);
  });
});
