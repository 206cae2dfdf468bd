import { Type } from 'typebox';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PlainDate } from '../rules/plain-date.ts';
import { DateSchema } from '../rules/schema.ts';
import type { Agrees } from './agreement.ts';

/** agreement.ts is checked by the compiler; these show, also by the compiler, that it would catch a drift. */
describe('the agreement of a body and a use case input', () => {
  const Body = Type.Object({ on: DateSchema, caller: Type.Optional(Type.Object({ name: Type.String(), phone: Type.Optional(Type.String()) })) });

  it('holds for the same fields and types', () => {
    expect(Object.keys(Body.properties)).toEqual(['on', 'caller']);
    expectTypeOf<Agrees<typeof Body, { on: PlainDate; caller?: { name: string; phone?: string } }>>().toEqualTypeOf<true>();
  });

  it('names an optional field renamed on one side, at any depth, which assignability alone lets pass', () => {
    expectTypeOf<Agrees<typeof Body, { on: PlainDate; caller?: { name: string; phoneNumber?: string } }>>().toEqualTypeOf<{
      onlyInTheBody: 'caller.phone';
      onlyInTheInput: 'caller.phoneNumber';
    }>();
  });

  it('refuses a body the input does not take', () => {
    expectTypeOf<Agrees<typeof Body, { on: PlainDate; caller?: { name: 'x'; phone?: string } }>>().not.toEqualTypeOf<true>();
  });
});
