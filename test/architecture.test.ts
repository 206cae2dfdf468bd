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

/** Use cases outside app/cards and app/residents, whose inputs a body of the API also is. */
const USE_CASE_MODULES = ['app/approvals.ts', 'app/staff.ts', 'app/staff-accounts.ts', 'app/command-input.ts'].map((file) => file.split('/').join(path.sep));

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

  it('keeps the HTTP contract out of the use cases: they take plain inputs and import neither typebox nor src/http', () => {
    // The bodies' schemas live with their routes (src/http/<resource>/<resource>-schemas.ts) and
    // src/http/agreement.ts holds them to these inputs; a use case typed by a schema would tie
    // the app to one boundary again (docs/architecture.md "Where schemas live").
    const useCases = files.filter((file) => /^app\/(cards|residents)\//.test(path.relative(SRC, file).split(path.sep).join('/')) || USE_CASE_MODULES.includes(path.relative(SRC, file)));
    expect(useCases.length).toBeGreaterThan(30);
    const offenders = useCases.flatMap((file) =>
      ts
        .preProcessFile(readFileSync(file, 'utf8'), true, true)
        .importedFiles.map(({ fileName }) => fileName)
        .filter((fileName) => /^typebox(\/|$)/.test(fileName) || (fileName.startsWith('.') && layerOf(path.resolve(path.dirname(file), fileName)) === 'http'))
        .map((fileName) => `${path.relative(SRC, file)} imports ${fileName}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps typebox out of src/app entirely: schemas are the boundaries\' (src/http) or the core\'s (rules, domain)', () => {
    // Answers too: the reports, the sweep's runs, the notices and the resident guide declare plain
    // types that src/http/agreement.ts holds to their schemas; a file of the operator's or a row of
    // the registry import is checked by an InputCheck of src/rules (docs/architecture.md "Where schemas live").
    const app = files.filter((file) => layerOf(file) === 'app');
    expect(app.length).toBeGreaterThan(100);
    const offenders = app.flatMap((file) =>
      ts
        .preProcessFile(readFileSync(file, 'utf8'), true, true)
        .importedFiles.map(({ fileName }) => fileName)
        .filter((fileName) => /^(typebox|@sinclair\/typebox|@fastify\/type-provider-typebox)(\/|$)/.test(fileName))
        .map((fileName) => `${path.relative(SRC, file)} imports ${fileName}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the clock out of the pure core: no Date in rules or domain', () => {
    const offenders = files
      .filter((file) => ['rules', 'domain'].includes(layerOf(file)))
      .filter((file) => /\bnew Date\(|\bDate\.now\(|\bDate\.parse\(/.test(withoutComments(readFileSync(file, 'utf8'))))
      .map((file) => path.relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});
