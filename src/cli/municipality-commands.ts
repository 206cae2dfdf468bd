import { readTextFile } from '../app/json-file.ts';
import { addMunicipality, checkNewMunicipality } from '../app/municipalities.ts';
import { cliActor } from './admin-commands.ts';
import { CliError, write, type CliIo } from './io.ts';
import type { OpenedApp, OpenOptions } from './program.ts';

/**
 * `municipality add CODE --name … --offices FILE [--policy FILE] [--host HOST]` (docs/scale.md
 * "Several municipalities"): checks everything first, then makes its partitions and, in one
 * transaction of that municipality, its row with the first entry of its audit trail. Its staff
 * are added next with `madoguchi --municipality CODE user add …`.
 */
export async function municipalityAdd(
  io: CliIo,
  open: (options?: OpenOptions) => Promise<OpenedApp>,
  code: string,
  options: { name: string; offices: string; policy?: string; host?: string },
): Promise<number> {
  const officesJson = readTextFile(options.offices);
  const policyJson = options.policy === undefined ? undefined : readTextFile(options.policy);
  const opened = await open({ municipality: undefined });
  try {
    const home = opened.app;
    const checked = checkNewMunicipality(
      { code, name: options.name, officesJson, policyJson, publicHost: options.host },
      { homeCode: home.offices.municipality.code, registered: await home.store.read.municipalities.list() },
      home.clock.now(),
    );
    if (!checked.ok) throw new CliError(`${checked.error.code}: ${checked.error.message}`);
    const { offices, policy, ...row } = checked.value;
    const context = opened.contextOf({ code, offices, policy });
    await context.store.migrate();
    const added = await addMunicipality(context, cliActor(), row);
    if (!added.ok) throw new CliError(`${added.error.code}: ${added.error.message}`);
    await write(
      io.stdout,
      `municipality ${code} ${added.value.name} added with ${offices.offices.length} offices${added.value.publicHost ? `, residents' pages at ${added.value.publicHost}` : ''}; add its staff with: madoguchi --municipality ${code} user add …; a server running now serves it once restarted\n`,
    );
    return 0;
  } finally {
    await opened.close();
  }
}

/** `municipality list`: the deployment's own municipality, then those added, one line each. */
export async function municipalityList(io: CliIo, open: (options?: OpenOptions) => Promise<OpenedApp>): Promise<number> {
  const { app, close } = await open({ municipality: undefined });
  try {
    const added = await app.store.read.municipalities.list();
    const own = app.offices.municipality;
    const lines = [`${own.code}\t${own.name}\t(this deployment's offices file)`, ...added.map((row) => `${row.code}\t${row.name}\t${row.publicHost ?? '-'}\tadded ${row.addedAt}`)];
    await write(io.stdout, `${lines.join('\n')}\n`);
    return 0;
  } finally {
    await close();
  }
}
