import { randomBytes } from 'node:crypto';
import type { Actor } from './actor.ts';
import type { AppContext } from './context.ts';
import { HOTLINE_OFFICE } from '../domain/roles.ts';
import { addStaff, systemActor } from './staff.ts';

/** A demo account made now, with its one-time password: shown once, to be changed at first sign-in. */
export interface DemoAccount {
  readonly username: string;
  readonly role: string;
  readonly officeId: string;
  readonly password: string;
}

/** Who acts in the demo's stories: a clerk and a supervisor of each office, and a hotline operator. */
export interface DemoStaff {
  clerk(officeId: string): Actor;
  supervisor(officeId: string): Actor;
  readonly hotline: Actor;
}

/**
 * The demo's staff (clerk.<office> and supervisor.<office> for every office, hotline.1, and
 * auditor.1 and admin.1 of the main office): those already there are used as they are, the others are made as `user add` makes
 * them, with one-time passwords that are answered here only. An account of a demo name that is
 * disabled or holds another role stops the demo: its stories would be refused half-way.
 */
export async function demoStaff(app: AppContext): Promise<{ staff: DemoStaff; accounts: DemoAccount[] }> {
  const system = systemActor('demo');
  const accounts: DemoAccount[] = [];
  const actors = new Map<string, Actor>();
  const ensure = async (username: string, role: string, officeId: string) => {
    const existing = await app.store.read.staff.findByUsername(username);
    if (existing) {
      if (!existing.active || existing.role !== role || existing.officeId !== officeId) {
        throw new Error(`the demo account ${username} is not an active ${role} of ${officeId}: enable it or give it back that role, or run the demo on other records`);
      }
      actors.set(username, { id: existing.id, username, name: existing.name, role: existing.role, officeId });
      return;
    }
    const password = randomBytes(9).toString('base64url');
    const added = await addStaff(app, system, { username, name: username, role, officeId, password, mustChangePassword: true });
    if (!added.ok) throw new Error(`demo data: user ${username} was refused: ${added.error.code} ${added.error.message}`);
    accounts.push({ username, role, officeId, password });
    actors.set(username, { id: added.value.id, username, name: added.value.name, role: added.value.role, officeId });
  };
  for (const office of app.offices.offices) {
    await ensure(`clerk.${office.id}`, 'clerk', office.id);
    await ensure(`supervisor.${office.id}`, 'supervisor', office.id);
  }
  await ensure('hotline.1', 'hotline', HOTLINE_OFFICE);
  // The main office (本庁舎) where there is one by the demo's name, as before; else the first.
  const main = (app.offices.offices.find((office) => office.id === 'honcho') ?? app.offices.offices[0]!).id;
  await ensure('auditor.1', 'auditor', main);
  await ensure('admin.1', 'admin', main);
  const actor = (username: string) => actors.get(username) ?? actors.get(`clerk.${main}`)!;
  return {
    accounts,
    staff: { clerk: (office) => actor(`clerk.${office}`), supervisor: (office) => actor(`supervisor.${office}`), hotline: actor('hotline.1') },
  };
}
