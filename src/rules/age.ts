import { Type, type Static } from 'typebox';
import { type Result, refuseField, success } from './result.ts';
import { ageOn } from './age-rules.ts';
import { DateSchema, InputObject } from './schema.ts';

export const AgeInput = InputObject(
  { birthDate: DateSchema, on: DateSchema },
  'A person born on birthDate, and the date their age is asked for',
);
export type AgeInput = Static<typeof AgeInput>;
export const AgeOutput = Type.Object({ age: Type.Integer({ minimum: 0, description: 'Age attained by the end of `on`' }) });
export type AgeOutput = Static<typeof AgeOutput>;

/** R-1 `age`. */
export function age(input: AgeInput): Result<AgeOutput> {
  if (input.on < input.birthDate) return refuseField('on', `${input.on} is before birthDate ${input.birthDate}`);
  return success({ age: ageOn(input.birthDate, input.on) });
}
