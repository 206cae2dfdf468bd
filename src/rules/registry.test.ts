import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT } from './context.ts';
import { evaluateRule, RULE_NAMES, RULES } from './registry.ts';

describe('the rule registry', () => {
  it('answers every rule of docs/rules.md R-1 … R-19 under its spec name (R-13 is the procedure table)', () => {
    expect(RULE_NAMES.sort()).toEqual(
      [
        'age',
        'nth-birthday-after',
        'card-expiry',
        'certificate-expiry',
        'validity-extension',
        'renewal-window',
        'move-in-deadline',
        'continuation-deadline',
        'business-day',
        'next-business-day',
        'reissue-fee',
        'individual-number',
        'pin-format',
        'certificate-renewal-window',
        'certificate-issue',
        'card-replacement',
        'moving-abroad',
        'legal-representative',
        'pickup-deadline',
      ].sort(),
    );
  });

  it('numbers the rules added 2026-12 as docs/rules.md does', () => {
    expect(
      Object.fromEntries(
        (['certificate-renewal-window', 'certificate-issue', 'card-replacement', 'moving-abroad', 'legal-representative', 'pickup-deadline'] as const).map((name) => [name, RULES[name].id]),
      ),
    ).toEqual({
      'certificate-renewal-window': 'R-14',
      'certificate-issue': 'R-15',
      'card-replacement': 'R-16',
      'moving-abroad': 'R-17',
      'legal-representative': 'R-18',
      'pickup-deadline': 'R-19',
    });
  });

  it.each(RULE_NAMES)('%s: its example answers with exactly the fields of its output schema', (name) => {
    const outcome = evaluateRule(name, RULES[name].example, DEFAULT_CONTEXT);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(Compile(RULES[name].output).Errors(outcome.value)).toEqual([]);
  });

  it.each(RULE_NAMES)('%s: refuses a body that is not an object, and unknown fields', (name) => {
    for (const input of [null, [], 'text', 42, undefined]) {
      const outcome = evaluateRule(name, input, DEFAULT_CONTEXT);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    }
    const extra = evaluateRule(name, { ...(RULES[name].example as object), surprise: 1 }, DEFAULT_CONTEXT);
    expect(extra).toMatchObject({
      ok: false,
      error: { code: 'INPUT.INVALID', message: 'surprise is not a known field', errors: [{ pointer: '/surprise' }] },
    });
  });

  it('names every missing field and every bad one in one answer', () => {
    expect(evaluateRule('card-expiry', { residency: 'alien', issueDate: '2023-02-29' }, DEFAULT_CONTEXT)).toEqual({
      ok: false,
      error: {
        code: 'INPUT.INVALID',
        message:
          'birthDate is required; issueDate must be a calendar date YYYY-MM-DD that exists; residency must be one of: "national", "foreign-without-period", "foreign-with-period"',
        errors: [
          { pointer: '/birthDate', message: 'birthDate is required' },
          { pointer: '/issueDate', message: 'issueDate must be a calendar date YYYY-MM-DD that exists' },
          { pointer: '/residency', message: 'residency must be one of: "national", "foreign-without-period", "foreign-with-period"' },
        ],
      },
    });
  });
});
