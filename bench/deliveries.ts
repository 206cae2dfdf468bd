/**
 * A delivery from J-LIS checked in (docs/pickup.md "Deliveries"): BENCH_DELIVERY_CARDS cards
 * (default 10,000) applied for at one office, then checked in as one delivery list through the
 * use case behind `POST /api/v1/deliveries` and `deliveries import`, into a fresh SQLite database
 * with durable commits; then the same list again (a re-send, nothing changes). Each card is made
 * ready with its event, its procedure record, its audit entry and a fresh 照会番号. Figures are
 * printed, never asserted (aim ≥ 2,000 cards/s on SQLite).
 */
import { randomBytes } from 'node:crypto';
import { applyForCard } from '../src/app/cards/apply-for-card.ts';
import { checkInDelivery } from '../src/app/deliveries.ts';
import { importResidents } from '../src/app/registry-exchange.ts';
import { systemActor } from '../src/app/staff.ts';
import { checkDigitOf } from '../src/rules/individual-number.ts';
import { createStaff, openTestApp } from '../test/support/app.ts';
import { DIALECTS } from '../test/support/databases.ts';

const CARDS = Number(process.env.BENCH_DELIVERY_CARDS ?? 10_000);
const format = (n: number) => Math.round(n).toLocaleString('en-US');

const t = await openTestApp(await DIALECTS[0]!.create(), randomBytes(32));
const clerk = await createStaff(t.app, 'bench.clerk', 'clerk', 'honcho');
const header = '住民票コード,個人番号,氏,名,氏カナ,名カナ,生年月日,性別,住所,電話番号,国籍,在留区分,在留期間満了日,在留カード番号,転入日'.split(',');
async function* registry() {
  yield { line: 1, cells: header };
  for (let index = 0; index < CARDS; index++) {
    const first = String(60_000_000_000 + index * 7);
    yield {
      line: index + 2,
      cells: [String(90_000_000_000 + index), `${first}${checkDigitOf(first)}`, '江戸川', '花子', 'エドガワ', 'ハナコ', '1985-04-01', '女', `東京都江戸川区中央${(index % 4) + 1}丁目${(index % 30) + 1}番`, '', '', '', '', '', ''],
    };
  }
}
const imported = await importResidents(t.app, systemActor('bench'), registry());
if (!imported.ok || imported.value.imported !== CARDS) throw new Error(`import: ${JSON.stringify(imported)}`);
const residents = await t.app.store.read.residents.findByResidentCodes(Array.from({ length: CARDS }, (_, index) => String(90_000_000_000 + index)));
const cardIds: string[] = [];
for (const { id } of residents.values()) {
  const applied = await applyForCard(t.app, clerk, id, { applicationDate: '2026-10-01' as never, photoTakenOn: '2026-09-20' as never, withSignatureCertificate: true, withUserCertificate: true });
  if (!applied.ok) throw new Error(applied.error.message);
  cardIds.push(applied.value.id);
}
const rows = cardIds.map((cardId, index) => ({ line: index + 2, cardId, issueDate: '2026-11-16' }));

for (const run of ['delivery', 'the same list again'] as const) {
  const started = performance.now();
  const result = await checkInDelivery(t.app, clerk, { officeId: 'honcho', receivedOn: '2026-11-24', rows });
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(result.error.message);
  const { accepted, unchanged, rejected } = result.value;
  const rate = CARDS / seconds;
  console.log(
    `sqlite: ${run} of ${format(CARDS)} cards: ${format(rate)} cards/s (${accepted} made ready, ${unchanged} already, ${rejected.length} rejected, ${seconds.toFixed(2)} s)${run === 'delivery' ? ` — aim ≥ 2,000 cards/s; ratio ${(rate / 2000).toFixed(2)}` : ''}`,
  );
}
await t.close();
