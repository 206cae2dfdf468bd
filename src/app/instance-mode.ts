import type { PlainDate } from '../rules/plain-date.ts';
import { ConfigError } from './config-error.ts';
import type { AppContext } from './context.ts';

/**
 * Training data and real records never mix (docs/architecture.md "Training mode"): the first
 * start records whether the municipality's records are live or a training instance's, and every
 * later start (server or command line) with the other setting is refused before anything is
 * written. A database from before the mode was recorded, with records in it, has run live.
 */
export async function claimInstanceMode(app: AppContext, trainingDate: PlainDate | undefined): Promise<void> {
  const wanted = trainingDate === undefined ? 'live' : 'training';
  const recorded = await app.store.transaction(async (tx) => {
    const known = await tx.instance.get();
    if (known) return known.mode;
    const mode = (await tx.instance.hasRecords()) ? 'live' : wanted;
    await tx.instance.insert({ mode, since: new Date(app.realTime.wallMs()).toISOString() });
    return mode;
  });
  if (recorded === wanted) return;
  throw new ConfigError(
    recorded === 'live'
      ? 'these records are live: MADOGUCHI_TODAY (training mode) may not be used with them; give a training instance its own DATA_DIR or database'
      : 'these records are a training instance’s (they ran with MADOGUCHI_TODAY): set MADOGUCHI_TODAY to use them, and keep live records in another DATA_DIR or database',
  );
}
