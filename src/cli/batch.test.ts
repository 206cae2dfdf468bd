import { describe, expect, it } from 'vitest';
import { cli } from '../../test/support/cli.ts';

const lines = (...items: unknown[]) => items.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('\n');

describe('madoguchi rules --batch', () => {
  it('answers one line per input, in order, and goes on after bad lines', async () => {
    const run = await cli(
      ['rules', '--batch'],
      lines(
        { id: 1, rule: 'age', input: { birthDate: '2008-04-02', on: '2026-04-01' } },
        '{"id": 2, "rule": "age", "input": {',
        '',
        { id: 'x', rule: 'no-such-rule', input: {} },
        { id: 4, rule: 'card-expiry', input: { birthDate: '2023-02-29', issueDate: '2026-04-01' } },
        [1, 2],
        { rule: 'individual-number', input: { number: '123456789019' } },
        { id: 7, input: {} },
        { id: 8, rule: 'validity-extension', input: { birthDate: '1990-05-10', cardIssueDate: '2026-04-01', currentExpiryDate: '2027-03-31', today: '2027-04-01', newPeriodOfStayEnd: '2030-03-31' } },
        { id: 9, rule: 'move-in-deadline', input: { moveInDate: '2026-07-06' } },
      ) + '\r\n',
    );
    expect(run.exitCode).toBe(0);
    const output = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(output).toEqual([
      { id: 1, output: { age: 18 } },
      { id: null, error: { code: 'INPUT.INVALID', message: 'line 2 is not valid JSON' } },
      { id: 'x', error: { code: 'RULE.UNKNOWN', message: expect.stringContaining('line 4: there is no rule "no-such-rule"') } },
      {
        id: 4,
        error: {
          code: 'INPUT.INVALID',
          message: 'birthDate must be a calendar date YYYY-MM-DD that exists',
          errors: [{ pointer: '/birthDate', message: 'birthDate must be a calendar date YYYY-MM-DD that exists' }],
        },
      },
      { id: null, error: { code: 'INPUT.INVALID', message: 'line 6 is not a JSON object' } },
      { id: null, output: { valid: false, checkDigit: 8, reason: 'check-digit' } },
      { id: 7, error: { code: 'RULE.UNKNOWN', message: expect.stringContaining('line 8 has no "rule"') } },
      { id: 8, error: { code: 'CARD.EXPIRED', message: 'the card expired on 2027-03-31; a new card is needed instead' } },
      { id: 9, output: { deadline: '2026-07-21', basis: '14-days-after-move-in', movedForHoliday: true } },
    ]);
  });

  it('keeps order across many lines and large chunks', async () => {
    const inputs = Array.from({ length: 20000 }, (_, i) => ({ id: i, rule: 'individual-number', input: { number: String(100000000000 + i * 7) } }));
    const run = await cli(['rules', '--batch'], lines(...inputs));
    const output = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(output).toHaveLength(20000);
    expect(output.map((line) => line.id)).toEqual(inputs.map((input) => input.id));
  });

  it('answers nothing for empty input', async () => {
    expect(await cli(['rules', '--batch'], '')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });
});
