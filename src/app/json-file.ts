import { readFileSync } from 'node:fs';
import type { InputCheck } from '../rules/input-check.ts';
import { ConfigError } from './config-error.ts';

/** Reads a JSON file of the operator's; `checkAgainst` then checks it, naming the first bad field. */
export function readJsonFile(file: string): unknown {
  return parseJsonText(readTextFile(file), file);
}

/** An operator's file as text, or a ConfigError naming it. */
export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** JSON text from `origin` (a file, or a municipality's row), or a ConfigError naming it. */
export function parseJsonText(text: string, origin: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${origin} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The value read from `origin` as `check` takes it, or a ConfigError naming the first bad field. */
export function checkAgainst<T>(check: InputCheck<T>, value: unknown, origin: string): T {
  const checked = check(value);
  if (checked.ok) return checked.value;
  throw new ConfigError(`${origin}: ${checked.error.errors?.[0]?.message ?? 'invalid'}`);
}
