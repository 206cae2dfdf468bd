import { checkPolicy, DEFAULT_POLICY, type Policy } from '../rules/policy.ts';
import { ConfigError } from './config-error.ts';
import { checkAgainst, readJsonFile } from './json-file.ts';

/**
 * The city's policy: the defaults of docs/rules.md with the entries of `POLICY_FILE` laid over them.
 * Objects merge key by key, so a file may hold only what the city changes
 * (`{ "notesCapacity": 6 }`); arrays and values replace the default.
 */
export function loadPolicy(file: string | undefined): Policy {
  return file === undefined ? DEFAULT_POLICY : policyOf(readJsonFile(file), file);
}

/** A policy file's content read from `file` (or kept in the database) over the defaults, checked; a ConfigError names `file` and the first fault. */
export function policyOf(overrides: unknown, file: string): Policy {
  const policy = checkAgainst(checkPolicy, merge(DEFAULT_POLICY, overrides), file);
  const froms = policy.adultAge.map((step) => step.from);
  if (froms.some((from, index) => index > 0 && from <= froms[index - 1]!)) {
    throw new ConfigError(`${file}: /adultAge must be in order of its "from" dates`);
  }
  return policy;
}

function merge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    // defineProperty, so that a "__proto__" key is kept as data and reported as unknown, not obeyed.
    Object.defineProperty(result, key, { value: merge(base[key], value), enumerable: true, writable: true, configurable: true });
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
