import type { ReceiptRepository } from '../../app/ports/receipt-repository.ts';
import type { Scope } from './scope.ts';

/** Serial receipt numbers per office and year; the counter row is written in the command's transaction. */
export function receiptRepository({ db, municipalityCode }: Scope): ReceiptRepository {
  return {
    async next(officeId, year) {
      const row = await db
        .insertInto('receipt_counters')
        .values({ municipality_code: municipalityCode, office_id: officeId, year, last: 1 })
        .onConflict((conflict) =>
          conflict.columns(['municipality_code', 'office_id', 'year']).doUpdateSet((eb) => ({ last: eb('receipt_counters.last', '+', 1) })),
        )
        .returning('last')
        .executeTakeFirstOrThrow();
      return row.last;
    },
  };
}
