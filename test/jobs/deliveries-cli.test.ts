import { writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { cli, openedFor } from '../support/cli.ts';
import { DIALECTS, temporaryDataDir } from '../support/databases.ts';
import { appliedCard, worldFor } from '../support/world.ts';

describe.each(DIALECTS)('deliveries import on the command line on $name', ({ create }) => {
  const world = worldFor(create);
  const dir = temporaryDataDir();
  const run = (argv: string[]) => cli(argv, '', { openApp: async () => openedFor(world.app) });
  const cards: string[] = [];

  beforeAll(async () => {
    world.clock.set('2026-11-26' as PlainDate);
    for (let index = 0; index < 3; index++) cards.push((await appliedCard(world)).cardId);
  });

  it('checks in a Shift_JIS file with a progress bar, lists the bad rows and exits 1; the same file again changes nothing', async () => {
    const file = path.join(dir, 'delivery.csv');
    writeFileSync(file, iconv.encode(`card_id,issue_date\r\n${cards[0]},2026-11-16\r\n${cards[1]},2026-11-16\r\n${cards[2]},2026年11月16日\r\n`, 'cp932'));
    const first = await run(['deliveries', 'import', file, '--office', 'honcho', '--received-on', '2026-11-24']);
    expect(first.exitCode).toBe(1);
    expect(first.stdout).toContain('(shift_jis): 3 cards, 2 ready at honcho from 2026-11-24 (collect by 2027-05-23), 0 already checked in, 1 rejected');
    expect(first.stdout).toMatch(new RegExp(`line 4: ${cards[2]} DELIVERY.BAD_DATE`));
    expect(first.stderr).toMatch(/cards \[#+\] 100% 3\/3/);
    expect(first.stderr).toContain('1 cards were not checked in');
    const made = (await world.call('clerk', 'GET', `/api/v1/cards/${cards[0]}`)).body;
    expect(made).toMatchObject({ status: 'ready', pickup: { readyOn: '2026-11-24', referenceNumber: expect.stringMatching(/^\d{10}$/) } });

    writeFileSync(file, `card_id,issue_date\n${cards[0]},2026-11-16\n${cards[1]},2026-11-16\n`);
    const again = await run(['deliveries', 'import', file, '--office', 'honcho', '--received-on', '2026-11-24']);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('(utf-8): 2 cards, 0 ready at honcho from 2026-11-24 (collect by 2027-05-23), 2 already checked in, 0 rejected');
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cards[0]}`)).body).toEqual(made);
  });

  it('refuses a bad option or file in one line with a non-zero exit, checking nothing in', async () => {
    const file = path.join(dir, 'more.csv');
    writeFileSync(file, `card_id,issue_date\n${cards[2]},2026-11-16\n`);
    const cases = [
      [['deliveries', 'import', file, '--office', 'nowhere', '--received-on', '2026-11-24'], /--office nowhere is not an office/],
      [['deliveries', 'import', file, '--office', 'honcho', '--received-on', '2026-11-31'], /--received-on must be a date/],
      [['deliveries', 'import', file, '--office', 'honcho', '--received-on', '2026-12-24'], /receivedOn: 2026-12-24 is after today/],
      [['deliveries', 'import', path.join(dir, 'missing.csv'), '--office', 'honcho', '--received-on', '2026-11-24'], /cannot read .*missing\.csv/],
    ] as const;
    for (const [argv, message] of cases) {
      const result = await run([...argv]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
    writeFileSync(file, `id,date\n${cards[2]},2026-11-16\n`);
    const headless = await run(['deliveries', 'import', file, '--office', 'honcho', '--received-on', '2026-11-24']);
    expect(headless).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('card_id,issue_date') });
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cards[2]}`)).body.status).toBe('applied');
  });
});
