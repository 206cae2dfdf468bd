import { describe, expect, it } from 'vitest';
import { cli } from '../../test/support/cli.ts';

describe('madoguchi rules <rule> <json>', () => {
  it('prints the output as one JSON line and exits 0', async () => {
    expect(await cli(['rules', 'card-expiry', '{"birthDate":"2008-04-02","issueDate":"2026-04-01"}'])).toEqual({
      exitCode: 0,
      stdout: '{"expiryDate":"2035-04-02","basis":"10th-birthday","adultAtIssue":true}\n',
      stderr: '',
    });
  });

  it('prints a problem on stderr and exits 2 when the input is malformed', async () => {
    const run = await cli(['rules', 'card-expiry', '{"birthDate":"2023-02-29"}']);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(JSON.parse(run.stderr)).toEqual({
      code: 'INPUT.INVALID',
      detail: 'issueDate is required; birthDate must be a calendar date YYYY-MM-DD that exists',
      errors: [
        { pointer: '/issueDate', message: 'issueDate is required' },
        { pointer: '/birthDate', message: 'birthDate must be a calendar date YYYY-MM-DD that exists' },
      ],
    });
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [['rules', 'validity-extension', '{"birthDate":"1990-05-10","cardIssueDate":"2026-04-01","currentExpiryDate":"2027-03-31","today":"2027-04-01","newPeriodOfStayEnd":"2030-03-31"}'], 'CARD.EXPIRED'],
    [['rules', 'card-expiry', '{not json'], 'INPUT.INVALID'],
    [['rules', 'card-expiry'], 'INPUT.INVALID'],
    [['rules'], 'INPUT.INVALID'],
    [['rules', 'expiry', '{}'], 'RULE.UNKNOWN'],
    [['rules', 'age', '{}', '--batch'], 'INPUT.INVALID'],
  ])('%j: exit 2 with %s', async (argv, code) => {
    const run = await cli(argv);
    expect(run.exitCode).toBe(2);
    expect(JSON.parse(run.stderr)).toMatchObject({ code });
  });

  it('lists the rules', async () => {
    const run = await cli(['rules', '--list']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^card-expiry\s+R-3\s+Validity of a My Number Card$/m);
    expect(run.stdout.trim().split('\n')).toHaveLength(19);
    expect(new Set(run.stdout.trim().split('\n').map((line) => line.search(/R-\d+ /))).size, 'the ids line up').toBe(1);
  });

  it('has help for every command, exiting 0', async () => {
    for (const argv of [['--help'], ['rules', '--help'], ['serve', '--help'], []]) {
      const run = await cli(argv);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/Usage: madoguchi/);
    }
  });

  it('refuses an unknown command with exit 2 and one line of advice', async () => {
    const run = await cli(['sweep-everything']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/unknown command 'sweep-everything'/);
  });
});
