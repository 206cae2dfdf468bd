import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiTypes } from '../web/scripts/api-types.ts';

describe("the web app's API types", () => {
  it('are those of the OpenAPI document the server serves now (else run npm run api:types)', async () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, '..', 'web', 'src', 'api', 'schema.d.ts'), 'utf8');
    expect(committed === (await apiTypes()), 'web/src/api/schema.d.ts is stale: run npm run api:types').toBe(true);
  });
});
