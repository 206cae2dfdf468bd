import { Type, type TProperties } from 'typebox';
import type { PlainDate } from './plain-date.ts';

/**
 * A date field: a string of format `date`, which the validator checks as a real calendar
 * date (2023-02-29 fails), typed as `PlainDate`.
 */
export function DateField(description = 'A calendar date, YYYY-MM-DD') {
  return Type.Unsafe<PlainDate>(Type.String({ format: 'date', description, examples: ['2026-04-01'] }));
}

export const DateSchema = DateField();

/** A rule's input: a closed object, so that a misspelt field is reported, not ignored. */
export function InputObject<P extends TProperties>(properties: P, description: string) {
  return Type.Object(properties, { additionalProperties: false, description });
}
