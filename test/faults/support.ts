import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { clockAt } from '../../src/app/clock.ts';
import type { AppContext } from '../../src/app/context.ts';
import { createAppContext } from '../../src/app/create-app-context.ts';
import { buildApp, type HttpOptions } from '../../src/http/app.ts';
import { logOptions } from '../../src/http/log.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import { openStore, type OpenStore } from '../../src/store/open-store.ts';
import { createStaff, OFFICES, TEST_TODAY } from '../support/app.ts';
import type { TestDatabase } from '../support/databases.ts';
import { signInAs } from '../support/http.ts';
import type { Answer } from '../support/world.ts';

/** A line of the server's log as pino wrote it. */
export type LogLine = Record<string, unknown> & { level: number; msg?: string };

export type FaultWho = 'clerk' | 'supervisor' | 'admin';

export interface FaultWorld {
  readonly http: FastifyInstance;
  readonly app: AppContext;
  readonly store: OpenStore;
  readonly database: TestDatabase;
  readonly masterKey: Buffer;
  /** Every line logged so far, raw, as the log file would hold it. */
  readonly logText: () => string;
  readonly logLines: () => LogLine[];
  call(who: FaultWho | null, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<Answer>;
  /** The signed-in header of a staff member, for requests sent otherwise than by `call`. */
  headersOf(who: FaultWho): { authorization: string };
  close(): Promise<void>;
}

/**
 * The HTTP application as `serve` builds it, with the server's log options and its lines kept
 * for the test, over a fresh store with these settings, and a clerk, a supervisor and an
 * administrator signed in.
 */
export async function openFaultWorld(
  database: TestDatabase,
  options: { readonly busyTimeoutMs?: number; readonly http?: HttpOptions } = {},
): Promise<FaultWorld> {
  const store = openStore({
    dataDir: database.dataDir,
    databaseUrl: database.databaseUrl,
    municipalityCode: OFFICES.municipality.code,
    ...(options.busyTimeoutMs !== undefined && { busyTimeoutMs: options.busyTimeoutMs }),
  });
  await store.migrate();
  const masterKey = randomBytes(32);
  const app = createAppContext({ store, masterKey, rules: DEFAULT_CONTEXT, offices: OFFICES, clock: clockAt(TEST_TODAY) });
  let logged = '';
  const http = await buildApp(app, {
    loginAttemptsPerMinute: 1000,
    ...options.http,
    logger: logOptions('info', { write: (line: string) => void (logged += line) }),
  });
  const auth: Partial<Record<FaultWho, { authorization: string }>> = {};
  for (const [who, role] of [['clerk', 'clerk'], ['supervisor', 'supervisor'], ['admin', 'admin']] as const) {
    await createStaff(app, `${who}.faults`, role, 'honcho');
    auth[who] = await signInAs(http, `${who}.faults`);
  }
  return {
    http,
    app,
    store,
    database,
    masterKey,
    logText: () => logged,
    logLines: () =>
      logged
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as LogLine),
    headersOf: (who) => auth[who]!,
    async call(who, method, url, payload) {
      const response = await http.inject({ method, url, headers: who ? auth[who]! : {}, ...(payload !== undefined && { payload: payload as object }) });
      return { status: response.statusCode, body: response.body ? response.json() : null, headers: response.headers };
    },
    async close() {
      await http.close();
      await store.close();
    },
  };
}
