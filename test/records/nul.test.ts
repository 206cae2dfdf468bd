import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { residentBody, residentWithActiveCard, worldFor, type Answer } from '../support/world.ts';

interface Operation {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly query: readonly string[];
  readonly properties: readonly string[];
  /** The code of a request that fails validation: INPUT.INVALID on the rules and guide API (docs/api.md), else REQUEST.INVALID. */
  readonly code: string;
}

type OpenApi = {
  paths: Record<
    string,
    Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema: { properties?: object; anyOf?: { properties?: object }[] } }> } }>
  >;
};

/** Every operation of the served OpenAPI document, with its query parameters and body fields. */
function operations(document: OpenApi): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'delete'].includes(method))
      .map(([method, operation]) => {
        const schema = operation.requestBody?.content['application/json']?.schema;
        const properties = [schema?.properties, ...(schema?.anyOf ?? []).map((branch) => branch.properties)].flatMap((props) => Object.keys(props ?? {}));
        const code = path.startsWith('/api/v1/rules/') || path === '/api/v1/guide' ? 'INPUT.INVALID' : 'REQUEST.INVALID';
        return {
          method: method.toUpperCase() as Operation['method'],
          path,
          query: (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
          properties: [...new Set(properties)],
          code,
        };
      }),
  );
}

/** A NUL is refused as bad input of the route, naming where it was, before anything reads it. */
function expectRefused(answer: Answer, op: Operation, pointer: string): void {
  expect(answer.status, `${op.method} ${op.path}: ${JSON.stringify(answer.body)}`).toBe(400);
  expect(answer.body).toMatchObject({ code: op.code, errors: [{ pointer, message: expect.stringContaining('NUL') }] });
}

describe.each(DIALECTS)('a NUL character in a request on $name', ({ create }) => {
  const world = worldFor(create);
  let ops: Operation[];
  let ids: { card: string; resident: string };
  /** The path with a valid value for each parameter but `junk` for the one named `with`. */
  const fill = (template: string, junk?: { with: string; value: string }) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) =>
      name === junk?.with ? junk.value : name === 'kind' ? 'user' : name === 'rule' ? 'age' : template.startsWith('/api/v1/cards') ? ids.card : ids.resident,
    );
  const counts = async () => ({
    residents: await world.store.read.residents.count(),
    audit: (await world.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  });

  beforeAll(async () => {
    const { cardId, residentId } = await residentWithActiveCard(world);
    ids = { card: cardId, resident: residentId };
    ops = operations((await world.http.inject('/api/openapi.json')).json());
  });

  it('is refused in any field of the body of every route', async () => {
    const withBody = ops.filter((op) => op.properties.length > 0);
    expect(withBody.length).toBeGreaterThan(30);
    for (const op of withBody) {
      for (const property of op.properties) {
        expectRefused(await world.call('supervisor', op.method, fill(op.path), { [property]: 'a\u0000b' }), op, `/${property}`);
      }
      expectRefused(await world.call('supervisor', op.method, fill(op.path), { [op.properties[0]!]: { deep: ['ok', 'a\u0000b'] } }), op, `/${op.properties[0]}/deep/1`);
    }
  });

  it('is refused in the query string of every route', async () => {
    expect(ops.length).toBeGreaterThan(40);
    for (const op of ops) {
      const name = op.query[0] ?? 'q';
      expectRefused(await world.call('supervisor', op.method, `${fill(op.path)}?${name}=a%00b`, op.method === 'POST' ? {} : undefined), op, `/query/${name}`);
    }
  });

  it('is refused in the path parameters of every route', async () => {
    const withParams = ops.filter((op) => op.path.includes('{'));
    expect(withParams.length).toBeGreaterThan(20);
    for (const op of withParams) {
      for (const [, name] of op.path.matchAll(/\{(\w+)\}/g)) {
        expectRefused(await world.call('supervisor', op.method, fill(op.path, { with: name!, value: 'a%00b' }), op.method === 'POST' ? {} : undefined), op, `/params/${name}`);
      }
    }
  });

  it('is refused where it would have reached the database, and changes nothing', async () => {
    const before = await counts();
    const search = { method: 'GET', path: '/api/v1/residents', query: [], properties: [], code: 'REQUEST.INVALID' } as const;
    expectRefused(await world.call('clerk', 'GET', '/api/v1/residents?q=%E6%B1%9F%00'), search, '/query/q');
    expectRefused(await world.call('clerk', 'GET', '/api/v1/residents?address=a%00b'), search, '/query/address');
    const command = { ...search, method: 'POST' } as const;
    expectRefused(await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ familyName: '江戸\u0000川' })), command, '/familyName');
    expectRefused(await world.call('clerk', 'POST', `/api/v1/residents/${ids.resident}/address-change`, { address: '東京都\u0000', effectiveDate: '2026-11-26' }), command, '/address');
    expectRefused(
      await world.call('supervisor', 'POST', `/api/v1/residents/${ids.resident}/proxy-enquiries`, { enquiredOn: '2026-11-26', callerName: '江戸川\u0000', relationship: '子', procedure: 'issuance' }),
      command,
      '/callerName',
    );
    expectRefused(await world.call(null, 'POST', '/api/v1/session', { username: 'clerk.honcho\u0000', password: 'x' }), command, '/username');
    expectRefused(await world.call('clerk', 'POST', `/api/v1/cards/${ids.card}/suspend`, { reason: 'lost', channel: 'counter' }, { 'idempotency-key': 'k\u0000' }), command, '/headers/idempotency-key');
    expect(await counts()).toEqual(before);
  });
});
