import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_OFFICES_FILE } from '../../src/app/config.ts';
import { loadOfficeDirectory } from '../../src/app/office-directory.ts';
import type { Database } from '../../src/app/ports.ts';
import { buildApp } from '../../src/http/app.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import { openDatabase } from '../../src/store/open-database.ts';

export function temporaryDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'madoguchi-test-'));
}

/** The HTTP app on a fresh embedded database, as `npm start` builds it, without listening. */
export async function testApp(database: Database = openDatabase({ dataDir: temporaryDataDir(), databaseUrl: undefined })): Promise<FastifyInstance> {
  const app = await buildApp({ context: DEFAULT_CONTEXT, offices: loadOfficeDirectory(DEFAULT_OFFICES_FILE), database });
  app.addHook('onClose', async () => database.close());
  return app;
}
