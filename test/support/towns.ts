import { expect } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import { createAppContext } from '../../src/app/create-app-context.ts';
import { addMunicipality, checkNewMunicipality } from '../../src/app/municipalities.ts';
import { systemActor } from '../../src/app/staff.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import { OFFICES, type TestApp } from './app.ts';

export interface TestTown {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** The host name of its residents' pages (`municipality add --host`). */
  readonly host?: string;
  /** Its 24-hour hotline's number, so that a test can tell its offices from Edogawa's. */
  readonly hotline?: string;
}

/**
 * A second municipality on the test's PostgreSQL records, added as `madoguchi municipality add`
 * adds it (docs/scale.md "Several municipalities"): Edogawa's offices file under the town's code,
 * name and hotline. Its context reads and writes the town's records only.
 */
export async function addTestTown(t: TestApp, town: TestTown): Promise<AppContext> {
  const hotline = town.hotline === undefined ? OFFICES.hotline : { ...OFFICES.hotline, phone: town.hotline };
  const officesJson = JSON.stringify({ ...OFFICES, municipality: { code: town.code, name: town.name, nameEn: town.nameEn }, hotline });
  const checked = checkNewMunicipality(
    { code: town.code, name: town.name, officesJson, ...(town.host !== undefined && { publicHost: town.host }) },
    { homeCode: OFFICES.municipality.code, registered: await t.store.read.municipalities.list() },
    t.clock.now(),
  );
  if (!checked.ok) throw new Error(checked.error.message);
  const { offices, policy, ...row } = checked.value;
  expect(policy).toBeUndefined();
  const context = createAppContext({ store: t.store.forMunicipality(town.code), masterKey: t.masterKey, rules: DEFAULT_CONTEXT, offices, clock: t.clock });
  await context.store.migrate();
  const added = await addMunicipality(context, systemActor('test'), row);
  if (!added.ok) throw new Error(added.error.message);
  return context;
}
