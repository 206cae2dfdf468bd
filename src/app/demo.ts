import type { AppContext } from './context.ts';
import { demoStaff, type DemoAccount } from './demo-staff.ts';
import { tellStories } from './demo-stories.ts';

/** The number of residents `serve` makes on an empty database, each with a story. */
export const SEED_RESIDENTS = 50;

/**
 * Demo staff and fifty residents whose stories cover every situation of the counters (cards in
 * every status, children, foreign residents, continuations, renewals, suspensions, a proxy),
 * told over the months before the business date through the same use cases as the counter (so
 * all of it is recorded and audited), on an empty database only. The accounts have one-time
 * passwords, returned once for printing and to be changed at first sign-in.
 */
export async function seedDemo(app: AppContext): Promise<DemoAccount[] | undefined> {
  if ((await app.store.read.staff.count()) > 0 || (await app.store.read.residents.count()) > 0) return undefined;
  const { staff, accounts } = await demoStaff(app);
  await tellStories(app, staff, { count: SEED_RESIDENTS, seed: 20260401, firstSerial: 1 });
  return accounts;
}
