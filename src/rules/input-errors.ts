import type { TLocalizedValidationError } from 'typebox/error';
import type { FieldError } from './errors.ts';

/**
 * Validation errors of a TypeBox validator as messages a clerk or a client developer can act
 * on, each naming its field by a JSON pointer. Errors that only restate another (the `false`
 * schema behind an unknown field, each branch of a union) are dropped.
 */
export function fieldErrors(errors: readonly TLocalizedValidationError[], root = ''): FieldError[] {
  const result: FieldError[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const message = describe(error);
    if (message === undefined) continue;
    const pointers = pointersOf(error, root);
    for (const pointer of pointers) {
      const text = `${fieldName(pointer)} ${message}`;
      if (seen.has(pointer + text)) continue;
      seen.add(pointer + text);
      result.push({ pointer, message: text });
    }
  }
  return result;
}

function pointersOf(error: TLocalizedValidationError, root: string): string[] {
  const base = root + error.instancePath;
  if (error.keyword === 'required') return error.params.requiredProperties.map((name) => `${base}/${escape(name)}`);
  if (error.keyword === 'additionalProperties') return error.params.additionalProperties.map((name) => `${base}/${escape(name)}`);
  return [base];
}

function escape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function fieldName(pointer: string): string {
  return pointer === '' ? 'the input' : pointer.slice(1).replace(/~1/g, '/').replace(/~0/g, '~').replace(/\//g, '.');
}

function describe(error: TLocalizedValidationError): string | undefined {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'format':
      return error.params.format === 'date' ? 'must be a calendar date YYYY-MM-DD that exists' : `must be a ${error.params.format}`;
    case 'type':
      return `must be ${article(String(error.params.type))}`;
    case 'enum':
      return `must be one of: ${error.params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${error.params.comparison} ${error.params.limit}`;
    case 'minLength':
      return `must have at least ${error.params.limit} characters`;
    case 'maxLength':
      return `must have at most ${error.params.limit} characters`;
    case 'pattern':
      return `must match ${error.params.pattern}`;
    case 'minItems':
      return `must have at least ${error.params.limit} items`;
    case 'maxItems':
      return `must have at most ${error.params.limit} items`;
    case 'boolean':
    case 'const':
      return undefined;
    default:
      return error.message;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
