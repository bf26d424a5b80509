import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE, renderApiSchema } from '../../scripts/api-schema.js';

describe("the UI's wire types", () => {
  it('are the ones generated from the service’s OpenAPI document', async () => {
    const committed = readFileSync(API_SCHEMA_FILE, 'utf8').split('\n');
    const fresh = (await renderApiSchema()).split('\n');
    // Name the first differing line rather than print a 3,000-line diff.
    const line = fresh.findIndex((text, i) => text !== committed[i]);
    const stale =
      line >= 0 || committed.length !== fresh.length
        ? `src/web/api-schema.d.ts is stale from line ${line + 1}: run \`npm run generate:api\``
        : null;
    expect(stale).toBeNull();
  });
});
