/**
 * `npm run bench`: speed of the rules core, printed as figures and as ratios to the aims of
 * the project (≥ 1,000,000 card-expiry evaluations/s on one core, ≥ 100,000 `rules --batch` lines/s).
 * Figures, never assertions: tests do not time anything.
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cardExpiry } from '../src/rules/card-expiry.ts';
import { DEFAULT_CONTEXT } from '../src/rules/context.ts';
import { moveInDeadline } from '../src/rules/move-in-deadline.ts';
import { fromEpochDay, toEpochDay, plainDate, type PlainDate } from '../src/rules/plain-date.ts';
import { evaluateRule } from '../src/rules/registry.ts';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'madoguchi.mjs');

function day(base: string, offset: number): PlainDate {
  return fromEpochDay(toEpochDay(plainDate(base)) + offset);
}

/** Runs `work` over the inputs repeatedly for about `seconds`, and returns calls per second. */
function rate<T>(inputs: readonly T[], work: (input: T) => unknown, seconds = 2): number {
  let sink = 0;
  for (let i = 0; i < 200_000; i++) sink ^= work(inputs[i % inputs.length]!) ? 1 : 0;
  let calls = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 10_000; i++) sink ^= work(inputs[(calls + i) % inputs.length]!) ? 1 : 0;
    calls += 10_000;
  }
  if (sink === 2) console.log('');
  return calls / ((performance.now() - start) / 1000);
}

const people = Array.from({ length: 4096 }, (_, i) => ({
  birthDate: day('1940-01-01', (i * 7919) % 30000),
  issueDate: day('2016-01-01', (i * 104729) % 4000),
}));
const moves = Array.from({ length: 4096 }, (_, i) => ({ moveInDate: day('2020-01-01', (i * 31) % 3000) }));

const format = (n: number) => Math.round(n).toLocaleString('en-US');
const report = (label: string, perSecond: number, aim?: number) =>
  console.log(`${label.padEnd(52)} ${format(perSecond).padStart(12)} /s${aim ? `   ${(perSecond / aim).toFixed(2)}× the aim of ${format(aim)}` : ''}`);

report('card-expiry, rule function', rate(people, (input) => cardExpiry(input, DEFAULT_CONTEXT)), 1_000_000);
report('card-expiry, schema check + rule (CLI/API path)', rate(people, (input) => evaluateRule('card-expiry', input, DEFAULT_CONTEXT)));
report('move-in-deadline, rule function', rate(moves, (input) => moveInDeadline(input, DEFAULT_CONTEXT)));
report('move-in-deadline, schema check + rule', rate(moves, (input) => evaluateRule('move-in-deadline', input, DEFAULT_CONTEXT)));

async function batch(lines: number): Promise<{ seconds: number; out: number }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'madoguchi-bench-')), 'batch.jsonl');
  const rules = [
    (i: number) => ({ rule: 'card-expiry', input: people[i % people.length] }),
    (i: number) => ({ rule: 'move-in-deadline', input: moves[i % moves.length] }),
    (i: number) => ({ rule: 'individual-number', input: { number: String(100000000000 + i) } }),
    (i: number) => ({ rule: 'business-day', input: { date: day('2026-01-01', i % 365) } }),
  ];
  writeFileSync(file, Array.from({ length: lines }, (_, i) => JSON.stringify({ id: i, ...rules[i % rules.length]!(i) })).join('\n') + '\n');
  const start = performance.now();
  const child = spawn(process.execPath, [BIN, 'rules', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) out++;
  });
  createReadStream(file).pipe(child.stdin);
  await new Promise((resolve) => child.on('exit', resolve));
  return { seconds: (performance.now() - start) / 1000, out };
}

const small = await batch(1);
const large = await batch(1_000_000);
if (large.out !== 1_000_000) throw new Error(`batch answered ${large.out} lines of 1,000,000`);
report('rules --batch, 1,000,000 mixed lines, whole process', 1_000_000 / large.seconds, 100_000);
report('rules --batch, without start-up', 999_999 / (large.seconds - small.seconds));
console.log(`(start-up of the CLI process: ${(small.seconds * 1000).toFixed(0)} ms; Node ${process.version})`);
