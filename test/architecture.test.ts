import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The import direction of docs/architecture.md "Layers": rules ← domain ← app ← (store, http, jobs, cli);
 * http, jobs and cli never import each other, nor the store: `src/main.ts` alone wires them.
 */
const ALLOWED: Record<string, readonly string[]> = {
  rules: [],
  domain: ['rules'],
  app: ['rules', 'domain'],
  store: ['rules', 'domain', 'app'],
  http: ['rules', 'domain', 'app'],
  jobs: ['rules', 'domain', 'app'],
  cli: ['rules', 'domain', 'app'],
};

const SRC = path.resolve(import.meta.dirname, '..', 'src');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function layerOf(file: string): string {
  const relative = path.relative(SRC, file);
  return relative.includes(path.sep) ? relative.split(path.sep)[0]! : relative;
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

const files = sourceFiles(SRC);

describe('architecture', () => {
  it('keeps every source file in a layer of the house style', () => {
    const unknown = files.map(layerOf).filter((layer) => !(layer in ALLOWED) && layer !== 'main.ts');
    expect(unknown).toEqual([]);
  });

  it('imports only in the allowed direction', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      if (from === 'main.ts') continue;
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName } of importedFiles) {
        if (!fileName.startsWith('.')) continue;
        const to = layerOf(path.resolve(path.dirname(file), fileName));
        if (to !== from && !ALLOWED[from]!.includes(to)) violations.push(`${path.relative(SRC, file)} imports ${fileName} (${from} → ${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the clock out of the pure core: no Date in rules or domain', () => {
    const offenders = files
      .filter((file) => ['rules', 'domain'].includes(layerOf(file)))
      .filter((file) => /\bnew Date\(|\bDate\.now\(|\bDate\.parse\(/.test(withoutComments(readFileSync(file, 'utf8'))))
      .map((file) => path.relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});
