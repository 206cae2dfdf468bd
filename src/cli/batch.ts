import type { RuleContext } from '../rules/context.ts';
import { RuleErrorCode } from '../rules/errors.ts';
import { evaluateRule, isRuleName, RULE_NAMES } from '../rules/registry.ts';
import { write, type CliIo } from './io.ts';

const FLUSH_AT = 64 * 1024;

/**
 * `rules --batch` (docs/api.md "Command line"): JSON lines `{ "id", "rule", "input" }` in, one line out
 * per input and in order, `{ "id", "output" }` or `{ "id", "error": { "code", "message" } }`.
 * A bad line is answered with an error and the batch goes on; blank lines are not inputs.
 */
export async function runBatch(io: CliIo, context: RuleContext): Promise<{ lines: number; errors: number }> {
  let pending = '';
  let out = '';
  let lineNumber = 0;
  let lines = 0;
  let errors = 0;
  const answer = (line: string) => {
    lineNumber++;
    if (line.trim() === '') return;
    lines++;
    const result = evaluateLine(line, lineNumber, context);
    if ('error' in result) errors++;
    out += JSON.stringify(result) + '\n';
  };
  io.stdin.setEncoding?.('utf8');
  for await (const chunk of io.stdin) {
    pending += chunk as string;
    let start = 0;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      answer(pending.slice(start, end));
      start = end + 1;
    }
    pending = pending.slice(start);
    if (out.length >= FLUSH_AT) {
      await write(io.stdout, out);
      out = '';
    }
  }
  if (pending !== '') answer(pending);
  if (out) await write(io.stdout, out);
  return { lines, errors };
}

type BatchResult = { id: unknown; output: unknown } | { id: unknown; error: { code: string; message: string; errors?: unknown } };

function evaluateLine(line: string, lineNumber: number, context: RuleContext): BatchResult {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return { id: null, error: { code: RuleErrorCode.InputInvalid, message: `line ${lineNumber} is not valid JSON` } };
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return { id: null, error: { code: RuleErrorCode.InputInvalid, message: `line ${lineNumber} is not a JSON object` } };
  }
  const { id = null, rule, input } = request as { id?: unknown; rule?: unknown; input?: unknown };
  if (typeof rule !== 'string' || !isRuleName(rule)) {
    const message =
      rule === undefined ? `line ${lineNumber} has no "rule"` : `line ${lineNumber}: there is no rule ${JSON.stringify(rule)}`;
    return { id, error: { code: RuleErrorCode.RuleUnknown, message: `${message}; rules: ${RULE_NAMES.join(', ')}` } };
  }
  const outcome = evaluateRule(rule, input, context);
  if (outcome.ok) return { id, output: outcome.value };
  const { code, message, errors } = outcome.error;
  return { id, error: errors ? { code, message, errors } : { code, message } };
}
