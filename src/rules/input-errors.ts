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
  for (const error of ofMeantBranches(errors)) {
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

/** A literal tag of a union branch, e.g. `#/anyOf/1/properties/kind`: group 1 is the branch. */
const BRANCH_TAG = /^(.*\/anyOf\/\d+)\/properties\/[^/]+$/;

/**
 * The errors of the union branches the input meant. A branch whose literal tag (such as `kind`)
 * the input does not carry was not meant: its errors, and the union's own "matches no branch",
 * would only name fields of a body the client never sent — so they go, as long as some branch of
 * that union is still meant. With none meant (an unknown tag), every error stays.
 */
function ofMeantBranches(errors: readonly TLocalizedValidationError[]): readonly TLocalizedValidationError[] {
  const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  const notMeant = new Set(errors.flatMap((error) => (error.keyword === 'const' ? (BRANCH_TAG.exec(error.schemaPath)?.slice(1, 2) ?? []) : [])));
  const unionOf = (branch: string) => branch.replace(/\/anyOf\/\d+$/, '');
  const branchesOf = (union: string) =>
    errors.flatMap((error) => {
      const branch = error.schemaPath.startsWith(`${union}/anyOf/`) ? /^\/anyOf\/\d+/.exec(error.schemaPath.slice(union.length)) : null;
      return branch ? [union + branch[0]] : [];
    });
  const dropped = [...notMeant].filter((branch) => branchesOf(unionOf(branch)).some((other) => !notMeant.has(other)));
  if (dropped.length === 0) return errors;
  const unions = new Set(dropped.map(unionOf));
  return errors.filter((error) => !dropped.some((branch) => under(error.schemaPath, branch)) && !(error.keyword === 'anyOf' && unions.has(error.schemaPath)));
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
