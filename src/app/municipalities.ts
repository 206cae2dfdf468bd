import type { OfficeDirectory } from '../domain/office.ts';
import { refuse } from '../domain/errors.ts';
import type { Policy } from '../rules/policy.ts';
import type { Actor } from './actor.ts';
import { AppErrorCode, type Result } from './app-errors.ts';
import { runCommand } from './command.ts';
import { ConfigError } from './config-error.ts';
import type { AppContext } from './context.ts';
import { parseJsonText } from './json-file.ts';
import { officeDirectoryOf } from './office-directory.ts';
import { policyOf } from './policy-file.ts';
import type { RegisteredMunicipality } from './ports/municipality-repository.ts';

/**
 * Several municipalities in one deployment (docs/scale.md "Several municipalities"): the one the
 * deployment's offices file names (its home) and those added with `madoguchi municipality add`,
 * each with its own offices, hotline, policy, staff, records and audit chain. A municipality is
 * never removed: its records are kept as the law keeps them.
 */

/** What a municipality is served with, from its row: its offices and its policy (undefined: the deployment's). */
export interface MunicipalityParts {
  readonly offices: OfficeDirectory;
  readonly policy: Policy | undefined;
}

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?$/;

/** Offices and a policy (undefined: the deployment's) as their files hold them, checked for municipality `code`. */
function partsOf(code: string, offices: unknown, policy: unknown): MunicipalityParts {
  const origin = `municipality ${code}`;
  const directory = officeDirectoryOf(offices, `the offices of ${origin}`);
  if (directory.municipality.code !== code) throw new ConfigError(`the offices of ${origin} name municipality ${directory.municipality.code}`);
  return { offices: directory, policy: policy === undefined ? undefined : policyOf(policy, `the policy of ${origin}`) };
}

/**
 * The offices and policy a municipality's row holds, checked as the files were when it was
 * added; a ConfigError names the municipality and the first fault (a row changed by hand).
 */
export function municipalityParts(row: Pick<RegisteredMunicipality, 'code' | 'officesJson' | 'policyJson'>): MunicipalityParts {
  const origin = `municipality ${row.code}`;
  return partsOf(row.code, parseJsonText(row.officesJson, `the offices of ${origin}`), row.policyJson === undefined ? undefined : parseJsonText(row.policyJson, `the policy of ${origin}`));
}

/** What `municipality add` is given: the code, its name, its offices file's and policy file's text, and the host of its residents' pages. */
export interface MunicipalityInput {
  readonly code: string;
  readonly name: string;
  readonly officesJson: string;
  readonly policyJson?: string | undefined;
  readonly publicHost?: string | undefined;
}

/**
 * Checks a municipality to add against the deployment: a code not served yet (nor the home's),
 * offices that name the same code and name, a policy that checks, a host no other municipality
 * uses. Returns the row to add; changes nothing.
 */
export function checkNewMunicipality(input: MunicipalityInput, served: { readonly homeCode: string; readonly registered: readonly RegisteredMunicipality[] }, addedAt: string): Result<Omit<RegisteredMunicipality, 'code'> & MunicipalityParts> {
  const invalid = (message: string) => refuse('INPUT.INVALID', message);
  if (!/^[0-9]{6}$/.test(input.code)) return invalid(`a municipality code is six digits (全国地方公共団体コード), not ${JSON.stringify(input.code)}`);
  if (input.code === served.homeCode || served.registered.some((row) => row.code === input.code)) {
    return refuse(AppErrorCode.MunicipalityExists, `municipality ${input.code} is served by this deployment already`);
  }
  const name = input.name.trim();
  if (name === '') return invalid('give the municipality its name');
  let offices: unknown;
  let policy: unknown;
  let parts: MunicipalityParts;
  try {
    offices = parseJsonText(input.officesJson, 'the offices file');
    policy = input.policyJson === undefined ? undefined : parseJsonText(input.policyJson, 'the policy file');
    parts = partsOf(input.code, offices, policy);
  } catch (error) {
    if (error instanceof ConfigError) return invalid(error.message);
    throw error;
  }
  if (parts.offices.municipality.name !== name) return invalid(`the offices file names the municipality ${parts.offices.municipality.name}, not ${name}`);
  const publicHost = input.publicHost?.trim().toLowerCase();
  if (publicHost !== undefined && !HOST.test(publicHost)) return invalid(`${JSON.stringify(input.publicHost)} is not a host name`);
  const taken = publicHost !== undefined ? served.registered.find((row) => row.publicHost === publicHost) : undefined;
  if (taken) return invalid(`the host ${publicHost} serves municipality ${taken.code} already`);
  return {
    ok: true,
    value: {
      name,
      // Kept as checked, without the file's layout: the same text every process opens it from.
      officesJson: JSON.stringify(offices),
      policyJson: policy === undefined ? undefined : JSON.stringify(policy),
      publicHost,
      addedAt,
      ...parts,
    },
  };
}

/**
 * Adds the municipality `app` serves (its own context, made from the checked row) to the
 * deployment: its row and the first entry of its audit chain, one transaction of that
 * municipality. Its partitions are made before (open-store's migrate).
 */
export async function addMunicipality(app: AppContext, actor: Actor, row: Omit<RegisteredMunicipality, 'code'>): Promise<Result<RegisteredMunicipality>> {
  const code = app.offices.municipality.code;
  return runCommand(app, actor, { action: 'municipality.add', permission: 'municipality.manage', subjectType: 'municipality', subjectId: code }, async (tx, note) => {
    if (await tx.municipalities.get()) return refuse(AppErrorCode.MunicipalityExists, `municipality ${code} is served by this deployment already`);
    await tx.municipalities.add(row);
    note.details = { name: row.name, ...(row.publicHost !== undefined && { publicHost: row.publicHost }), ownPolicy: row.policyJson !== undefined };
    return { ok: true, value: { code, ...row } };
  });
}
