import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './input-errors.ts';

const Request = Type.Union([
  Type.Object({ kind: Type.Literal('proxy'), procedure: Type.Enum(['application', 'continuation']), name: Type.String() }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('number-change'), reason: Type.String() }, { additionalProperties: false }),
]);
const validator = Compile(Request);
const errorsOf = (input: unknown) => fieldErrors([...validator.Errors(input)]);

describe('field errors of a tagged union', () => {
  it('names only the field of the branch the tag chose, not the fields the other branch lacks', () => {
    expect(errorsOf({ kind: 'proxy', procedure: 'card-reissue', name: '江戸川 一郎' })).toEqual([
      { pointer: '/procedure', message: 'procedure must be one of: "application", "continuation"' },
    ]);
    expect(errorsOf({ kind: 'number-change' })).toEqual([{ pointer: '/reason', message: 'reason is required' }]);
  });

  it('keeps every error when the tag names no branch, so the client sees what each would need', () => {
    const pointers = errorsOf({ kind: 'other', reason: 'x' }).map((error) => error.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/procedure', '/name', '']));
  });
});
