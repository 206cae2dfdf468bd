import { readFileSync } from 'node:fs';
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { fieldErrors } from '../rules/input-errors.ts';
import { ConfigError } from './config-error.ts';

/** Reads a JSON file of the operator's and checks it against `schema`, naming the first bad field. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export function checkAgainst<S extends TSchema>(schema: S, value: unknown, origin: string): Static<S> {
  const validator = Compile(schema);
  if (validator.Check(value)) return value as Static<S>;
  const [first] = fieldErrors(validator.Errors(value));
  throw new ConfigError(`${origin}: ${first?.message ?? 'invalid'}`);
}
