import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { residentWithActiveCard, type Who, worldFor } from '../support/world.ts';

interface Operation {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly properties: string[];
  readonly query: string[];
}

/** Values that have broken servers before: wrong types, impossible dates, odd text, deep nesting. */
const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('2023-02-29', '2026-13-01', '0000-00-00', '９９９９-１２-３１', '', ' ', '\u0000', '🦀'.repeat(50), 'x'.repeat(5000), '../../etc/passwd', "'; drop table cards; --"),
  fc.constantFrom(-1, 0, 1e308, Number.MAX_SAFE_INTEGER, 0.5, -0),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.stringMatching(/^[0-9]{11,13}$/),
  // Values that pass validation, so that requests reach the use cases and the database too.
  fc.constantFrom('lost', 'stolen', 'hotline', 'counter', 'holder', 'not-needed', 'damaged', 'renewal', 'address', '1234', 'abc123', 'honcho', 'proxy'),
  // Free text that passes validation but holds a NUL, which PostgreSQL cannot store.
  fc.constantFrom('東京都江戸川区\u0000中央', '江戸川\u0000'),
  fc.constantFrom(true, false, ['passport'], ['driving-licence', 'health-insurance-card'], { user: '1234', residentRegistry: '1234', cardInfo: '1234' }),
  fc.constantFrom('2026-11-26', '2026-11-01', '2026-06-01', '2030-03-31'),
);

/**
 * Text for paths and query strings: anything, words a search takes, and NUL often (PostgreSQL
 * cannot hold one in text, so a NUL that got as far as the database was a 500 there).
 */
const text = (maxLength: number) => fc.oneof(fc.string({ maxLength }), fc.constantFrom('江戸川', 'エドガワ', '1990-05-10', '10'), fc.constantFrom('\u0000', 'a\u0000b', '江\u0000', '\u0000%00'));

/** Every operation of the served OpenAPI document, with the fields its body declares. */
function operations(document: {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema: { properties?: object; anyOf?: { properties?: object }[] } }> } }>>;
}): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'delete'].includes(method))
      .map(([method, operation]) => {
        const schema = operation.requestBody?.content['application/json']?.schema;
        const properties = [schema?.properties, ...(schema?.anyOf ?? []).map((branch) => branch.properties)].flatMap((props) => Object.keys(props ?? {}));
        const query = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
        return { method: method.toUpperCase() as Operation['method'], path, properties: [...new Set(properties)], query };
      }),
  );
}

describe.each(DIALECTS)('malformed requests on $name', ({ create }) => {
  const world = worldFor(create);
  let ops: Operation[];
  let ids: { card: string; resident: string };
  beforeAll(async () => {
    const { cardId, residentId } = await residentWithActiveCard(world);
    ids = { card: cardId, resident: residentId };
    ops = operations((await world.http.inject('/api/openapi.json')).json()).filter((op) => op.path !== '/api/v1/session' || op.method !== 'DELETE');
  });

  it('covers every route of the API', () => {
    expect(ops.length).toBeGreaterThan(40);
  });

  it('never answers a malformed request with a 5xx', async () => {
    const path = (template: string, pick: number, junk: string) =>
      template.replace(/\{(\w+)\}/g, (_, name: string) => {
        if (name === 'kind') return ['user', 'signature', 'resident-registry', 'card-info', junk][pick % 5]!;
        if (name === 'rule') return junk;
        return [ids.card, ids.resident, junk, '00000000-0000-7000-8000-000000000000'][pick % 4]!;
      });
    const body = (op: Operation) =>
      fc.oneof(
        nasty,
        fc.dictionary(fc.constantFrom(...(op.properties.length > 0 ? op.properties : ['x'])), nasty, { maxKeys: 8 }),
        fc.record(Object.fromEntries(op.properties.map((name) => [name, nasty])), { requiredKeys: [] }),
      );
    const who = fc.constantFrom<Who>('clerk', 'supervisor', 'hotline', 'auditor', 'admin');
    const request = fc.constantFrom(...ops).chain((op) =>
      fc.record({
        op: fc.constant(op),
        who,
        pick: fc.nat(),
        junk: text(40).map(encodeURIComponent),
        body: body(op),
        raw: fc.option(fc.string({ maxLength: 200 }), { freq: 5 }),
        // Half the time only the route's own parameters, so that a query gets past validation to the database.
        query: fc.oneof(
          fc.array(fc.tuple(fc.constantFrom('q', 'birthDate', 'limit', 'cursor', 'status', 'from', 'afterSeq', 'phone', 'address'), text(30)), { maxLength: 3 }),
          op.query.length > 0 ? fc.array(fc.tuple(fc.constantFrom(...op.query), text(30)), { minLength: 1, maxLength: 2 }) : fc.constant([]),
        ),
      }),
    );
    type Request = typeof request extends fc.Arbitrary<infer R> ? R : never;
    // A NUL where it got past validation to the database and was a 500 on PostgreSQL, every run.
    const nul = (method: string, template: string, pick: number, fields: Pick<Request, 'body' | 'query'>, actor: Who = 'clerk'): [Request] => [
      { op: ops.find((op) => op.method === method && op.path === template)!, who: actor, pick, junk: '%00', raw: null, ...fields },
    ];
    const examples = [
      nul('GET', '/api/v1/residents', 0, { body: null, query: [['q', '江\u0000']] }),
      nul('GET', '/api/v1/residents', 0, { body: null, query: [['address', 'a\u0000b']] }),
      nul('POST', '/api/v1/residents/{id}/address-change', 1, { body: { address: '東京都江戸川区\u0000', effectiveDate: '2026-11-26' }, query: [] }),
      nul('POST', '/api/v1/residents/{id}/proxy-enquiries', 1, { body: { enquiredOn: '2026-11-26', callerName: '江戸川\u0000', relationship: '子', procedure: 'issuance' }, query: [] }, 'supervisor'),
      nul('GET', '/api/v1/cards/{id}', 2, { body: null, query: [] }),
    ];
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ op, who: actor, pick, junk, body: payload, raw, query }) => {
        const url = `${path(op.path, pick, junk || 'x')}${query.length ? `?${new URLSearchParams(query).toString()}` : ''}`;
        const headers = raw !== null ? { 'content-type': 'application/json' } : undefined;
        const answer = await world.call(actor, op.method, url, op.method === 'POST' ? (raw ?? payload) : undefined, headers);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500) throw new Error(`${op.method} ${url} ${JSON.stringify(raw ?? payload).slice(0, 300)} → ${answer.status} ${JSON.stringify(answer.body)}`);
      }),
      { numRuns: 600, examples },
    );
    // The bodies must get past validation often enough to reach the use cases.
    expect([...statuses.keys()].filter((status) => status !== 400).length).toBeGreaterThanOrEqual(4);
  });
});
