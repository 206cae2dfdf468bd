import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createAppContext } from '../../src/app/create-app-context.ts';
import type { Store } from '../../src/app/ports/store.ts';
import { buildApp, type HttpOptions, type ServedMunicipality } from '../../src/http/app.ts';
import { DEFAULT_CONTEXT, type RuleContext } from '../../src/rules/context.ts';
import { openStore } from '../../src/store/open-store.ts';
import { OFFICES, openTestApp, PASSWORD, type TestApp, type TestStoreSettings } from './app.ts';
import { DIALECTS, temporaryDataDir, type TestDatabase } from './databases.ts';

export { temporaryDataDir };

/** The HTTP app over a store that is never migrated nor used: for routes that need no records. The rules are the defaults unless given. */
export async function bareHttpApp(
  store: Store = openStore({ dataDir: temporaryDataDir(), databaseUrl: undefined, municipalityCode: OFFICES.municipality.code }),
  rules: RuleContext = DEFAULT_CONTEXT,
): Promise<FastifyInstance> {
  const app = await buildApp(createAppContext({ store, masterKey: randomBytes(32), rules, offices: OFFICES }));
  app.addHook('onClose', async () => store.close());
  return app;
}

export interface HttpTest extends TestApp {
  readonly http: FastifyInstance;
}

/** The whole HTTP application over a fresh database of the given kind, as `npm start` builds it. */
export async function openHttpTest(
  database: TestDatabase,
  options: HttpOptions &
    TestStoreSettings & {
      trustProxy?: string;
      masterKey?: Parameters<typeof openTestApp>[1];
      /** Other municipalities served beside the test's (docs/scale.md "Several municipalities"), made on its records. */
      others?: (t: TestApp) => Promise<readonly ServedMunicipality[]>;
    } = {},
): Promise<HttpTest> {
  const { onCommitBatch, log, municipalityCode, migrateBefore, masterKey, others, ...httpOptions } = options;
  const settings: TestStoreSettings = {
    ...(onCommitBatch && { onCommitBatch }),
    ...(log && { log }),
    ...(municipalityCode !== undefined && { municipalityCode }),
    ...(migrateBefore !== undefined && { migrateBefore }),
  };
  const t = await openTestApp(database, masterKey, undefined, settings);
  const http = await buildApp(t.app, { loginAttemptsPerMinute: 1000, signInFailuresPerAddress: 1000, ...httpOptions, ...(others && { municipalities: await others(t) }) });
  return {
    ...t,
    http,
    close: async () => {
      await http.close();
      await t.close();
    },
  };
}

/** Signs in through the API and returns the bearer header for later calls. */
export async function signInAs(http: FastifyInstance, username: string, password = PASSWORD): Promise<{ authorization: string }> {
  const response = await http.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.body}`);
  return { authorization: `Bearer ${response.json().token}` };
}

export { DIALECTS };
