import type { RuleContext } from '../rules/context.ts';
import { RuleErrorCode, type RuleError } from '../rules/errors.ts';
import { evaluateRule, isRuleName, RULE_NAMES, RULES } from '../rules/registry.ts';
import { runBatch } from './batch.ts';
import { write, type CliIo } from './io.ts';

export interface RulesOptions {
  readonly batch?: boolean;
  readonly list?: boolean;
}

/**
 * `rules <rule> '<json>'` prints the output as JSON and exits 0, or a problem JSON on stderr and
 * exits 2 (docs/api.md "Command line"); `--batch` answers JSON lines; `--list` names the rules.
 */
export async function rulesCommand(
  io: CliIo,
  context: () => RuleContext,
  rule: string | undefined,
  json: string | undefined,
  options: RulesOptions,
): Promise<number> {
  if (options.list) {
    const width = Math.max(...RULE_NAMES.map((name) => name.length));
    await write(io.stdout, RULE_NAMES.map((name) => `${name.padEnd(width)} ${RULES[name].id.padEnd(5)} ${RULES[name].summary}\n`).join(''));
    return 0;
  }
  if (options.batch) {
    if (rule !== undefined) return refuse(io, { code: RuleErrorCode.InputInvalid, message: '--batch reads the rule from each line; give no rule' });
    await runBatch(io, context());
    return 0;
  }
  if (rule === undefined) {
    return refuse(io, { code: RuleErrorCode.InputInvalid, message: `name a rule (${RULE_NAMES.join(', ')}) and its input as JSON, or use --batch` });
  }
  if (!isRuleName(rule)) {
    return refuse(io, { code: RuleErrorCode.RuleUnknown, message: `there is no rule "${rule}"; rules: ${RULE_NAMES.join(', ')}` });
  }
  if (json === undefined) return refuse(io, { code: RuleErrorCode.InputInvalid, message: `give the input of ${rule} as JSON, e.g. '{"…": "…"}'` });
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch {
    return refuse(io, { code: RuleErrorCode.InputInvalid, message: 'the input is not valid JSON' });
  }
  const outcome = evaluateRule(rule, input, context());
  if (!outcome.ok) return refuse(io, outcome.error);
  await write(io.stdout, JSON.stringify(outcome.value) + '\n');
  return 0;
}

async function refuse(io: CliIo, error: RuleError): Promise<number> {
  const problem = { code: error.code, detail: error.message, ...(error.errors && { errors: error.errors }) };
  await write(io.stderr, JSON.stringify(problem) + '\n');
  return 2;
}
