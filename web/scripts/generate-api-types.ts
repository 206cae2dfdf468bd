/**
 * `npm run api:types`: the web app's API types, generated from the OpenAPI document the server
 * builds from its route schemas (web/src/api/schema.d.ts). test/api-types.test.ts fails when the
 * committed file and the server disagree, so a drift between them fails the build.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { apiTypes } from './api-types.ts';

const target = path.resolve(import.meta.dirname, '..', 'src', 'api', 'schema.d.ts');
writeFileSync(target, await apiTypes());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
