import type { Kysely } from 'kysely';

/** `〒` and a postal code at the start of an address, with or without the hyphen and the space after; full-width digits too. */
const LEADING = /^〒[\s\u3000]*([0-9０-９]{3})[-－‐‑−–ー]?([0-9０-９]{4})(?![0-9０-９])[\s\u3000]*/;
/** The same at the start of `address_search` (NFKC, no spaces: docs/architecture.md "Resident search"). */
const LEADING_SEARCH = /^〒(\d{3})-?(\d{4})(?!\d)/;

const ascii = (text: string) => text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));

/**
 * Frozen: a resident's postal code (郵便番号, `NNN-NNNN`) in a column of its own, null when not
 * known (docs/domain.md "What it keeps"). Until now the only place for one was the address text:
 * a `〒132-0021 ` at its start is moved out of the address (and its search form) into the column;
 * any other address is left as it is, with no postal code. The events are not rewritten: an
 * event without a postal code folds the same way (domain/resident.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('residents').addColumn('postal_code', 'text').execute();
  let after = '';
  for (;;) {
    const rows: { id: string; municipality_code: string; address: string; address_search: string }[] = await db
      .selectFrom('residents')
      .select(['id', 'municipality_code', 'address', 'address_search'])
      .where('id', '>', after)
      .where('address', 'like', '〒%')
      .orderBy('id')
      .limit(500)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const match = LEADING.exec(row.address);
      if (!match || match[0].length === row.address.length) continue;
      await db
        .updateTable('residents')
        .set({
          postal_code: `${ascii(match[1]!)}-${ascii(match[2]!)}`,
          address: row.address.slice(match[0].length),
          address_search: row.address_search.replace(LEADING_SEARCH, ''),
        })
        .where('municipality_code', '=', row.municipality_code)
        .where('id', '=', row.id)
        .execute();
    }
    after = rows.at(-1)!.id;
  }
}
