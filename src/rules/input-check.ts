import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Validator } from 'typebox/compile';
import { fieldErrors } from './input-errors.ts';
import { refuseFields, success, type Refusal, type Result } from './result.ts';

/** Checks an untrusted value against one schema: the value, typed, or INPUT.INVALID naming each bad field. */
export type InputCheck<T> = (value: unknown) => Result<T, Refusal<'INPUT.INVALID'>>;

/**
 * The check of a schema, compiled at its first use. The boundaries that are not HTTP (the policy
 * file, offices.json, the registry import) check their input with it, so that src/app reads a
 * plain function and never a schema library (docs/architecture.md "Where schemas live").
 */
export function inputCheck<S extends TSchema>(schema: S): InputCheck<Static<S>> {
  let validator: Validator | undefined;
  return (value) => {
    validator ??= Compile(schema);
    return validator.Check(value) ? success(value as Static<S>) : refuseFields(fieldErrors(validator.Errors(value)));
  };
}
