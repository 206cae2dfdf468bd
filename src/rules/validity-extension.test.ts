import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dates, evaluate, oracleAddDays, value } from '../../test/support/rules.ts';

const card = { birthDate: '1990-05-10', cardIssueDate: '2026-04-01', currentExpiryDate: '2027-03-31', today: '2027-03-01' };

describe('R-5 validity-extension', () => {
  it('follows a renewed period of stay shorter than the standard expiry', () => {
    expect(evaluate('validity-extension', { ...card, newPeriodOfStayEnd: '2030-03-31' })).toEqual({
      expiryDate: '2030-03-31',
      basis: 'period-of-stay',
    });
  });
  it('stops at the 10th birthday after issue', () => {
    expect(evaluate('validity-extension', { ...card, newPeriodOfStayEnd: '2040-01-01' })).toEqual({
      expiryDate: '2035-05-10',
      basis: '10th-birthday',
    });
  });
  it('stops at the 5th birthday for a card issued under 18', () => {
    expect(
      evaluate('validity-extension', { birthDate: '2012-06-01', cardIssueDate: '2026-04-01', currentExpiryDate: '2027-01-31', today: '2027-01-10', newPeriodOfStayEnd: '2033-01-31' }),
    ).toEqual({ expiryDate: '2030-06-01', basis: '5th-birthday' });
  });
  it('stops at the 5th birthday for a card issued to a 19-year-old before 2022-04-01', () => {
    expect(
      evaluate('validity-extension', { birthDate: '2003-01-01', cardIssueDate: '2022-03-31', currentExpiryDate: '2023-06-30', today: '2023-06-01', newPeriodOfStayEnd: '2028-06-30' }),
    ).toEqual({ expiryDate: '2027-01-01', basis: '5th-birthday' });
  });

  describe('during the 特例期間 (renewal applied for, not decided)', () => {
    it.each([
      ['2026-12-31', '2027-02-28'],
      ['2027-12-31', '2028-02-29'],
      ['2026-06-30', '2026-08-31'],
      ['2026-06-15', '2026-08-15'],
      ['2026-08-31', '2026-10-31'],
    ])('a period of stay ending %s gives %s', (currentPeriodOfStayEnd, expiryDate) => {
      expect(
        evaluate('validity-extension', {
          birthDate: '1990-05-10',
          cardIssueDate: '2024-01-10',
          currentExpiryDate: currentPeriodOfStayEnd,
          today: oracleAddDays(currentPeriodOfStayEnd, -10),
          applicationPending: true,
          currentPeriodOfStayEnd,
        }),
      ).toEqual({ expiryDate, basis: 'special-period' });
    });
    it('still stops at the standard expiry', () => {
      expect(
        evaluate('validity-extension', {
          birthDate: '1990-01-20',
          cardIssueDate: '2016-04-01',
          currentExpiryDate: '2025-12-31',
          today: '2025-12-20',
          applicationPending: true,
          currentPeriodOfStayEnd: '2025-12-31',
        }),
      ).toEqual({ expiryDate: '2026-01-20', basis: '10th-birthday' });
    });
  });

  it('works on the expiry day itself and refuses the day after', () => {
    expect(evaluate('validity-extension', { ...card, today: '2027-03-31', newPeriodOfStayEnd: '2030-03-31' })).toMatchObject({ expiryDate: '2030-03-31' });
    expect(evaluate('validity-extension', { ...card, today: '2027-04-01', newPeriodOfStayEnd: '2030-03-31' })).toEqual({ error: 'CARD.EXPIRED', pointers: [] });
  });

  it('refuses what does not extend the card', () => {
    expect(evaluate('validity-extension', { ...card, newPeriodOfStayEnd: '2027-03-31' })).toEqual({ error: 'CARD.NOTHING_TO_EXTEND', pointers: [] });
    expect(evaluate('validity-extension', { ...card, currentExpiryDate: '2035-05-10', newPeriodOfStayEnd: '2040-01-01' })).toEqual({
      error: 'CARD.NOTHING_TO_EXTEND',
      pointers: [],
    });
  });

  it.each([
    [{ ...card }, ['/newPeriodOfStayEnd']],
    [{ ...card, applicationPending: false }, ['/newPeriodOfStayEnd']],
    [{ ...card, applicationPending: true }, ['/currentPeriodOfStayEnd']],
    [{ ...card, applicationPending: true, currentPeriodOfStayEnd: '2027-03-31', newPeriodOfStayEnd: '2030-03-31' }, ['/applicationPending']],
    [{ ...card, newPeriodOfStayEnd: '2030-02-30' }, ['/newPeriodOfStayEnd']],
    [{ ...card, applicationPending: 'yes', currentPeriodOfStayEnd: '2027-03-31' }, ['/applicationPending']],
    [{ ...card, currentExpiryDate: '2026-03-31', newPeriodOfStayEnd: '2030-03-31' }, ['/currentExpiryDate']],
  ])('refuses %j', (input, pointers) => {
    expect(evaluate('validity-extension', input)).toEqual({ error: 'INPUT.INVALID', pointers });
  });

  it('extends to a later day, never past the standard expiry', () => {
    fc.assert(
      fc.property(
        dates('1950-01-01', '2000-12-31'),
        dates('2022-04-01', '2030-12-31'),
        fc.integer({ min: 30, max: 2000 }),
        fc.integer({ min: 0, max: 29 }),
        fc.integer({ min: 1, max: 4000 }),
        (birthDate, cardIssueDate, validDays, daysLeft, stay) => {
          const currentExpiryDate = oracleAddDays(cardIssueDate, validDays);
          const today = oracleAddDays(currentExpiryDate, -daysLeft);
          const newPeriodOfStayEnd = oracleAddDays(currentExpiryDate, stay);
          const ceiling = value('card-expiry', { birthDate, issueDate: cardIssueDate }).expiryDate as string;
          const outcome = evaluate('validity-extension', { birthDate, cardIssueDate, currentExpiryDate, today, newPeriodOfStayEnd });
          if (currentExpiryDate >= ceiling) {
            expect(outcome).toEqual({ error: 'CARD.NOTHING_TO_EXTEND', pointers: [] });
          } else {
            expect(outcome.expiryDate > currentExpiryDate).toBe(true);
            expect(outcome.expiryDate <= ceiling).toBe(true);
          }
        },
      ),
    );
  });
});
