import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The rule lives in eslint.config.js; this shows it fires, so the boundary cannot silently lapse.
describe('the platform boundary lint rule', () => {
  const eslint = new ESLint();
  const problems = async (file: string, source: string) =>
    (await eslint.lintText(source, { filePath: file }))[0]!.messages
      .filter((m) => m.ruleId === 'no-restricted-imports')
      .map((m) => m.message);

  it.each([
    ['src/platform/http/auth.ts', "import { x } from '../../modules/auth/tokens.js';"],
    ['src/platform/startup.ts', "import { x } from '../deps.js';"],
    ['src/platform/db/client.ts', "import { x } from '../../app.js';"],
    ['src/platform/queue.ts', "import { x } from '../llm/index.js';"],
    ['src/platform/http/context.ts', "import type { x } from '../../deps.js';"],
  ])('refuses %s importing upwards: %s', async (file, source) => {
    expect(await problems(file, `${source}\nexport const y = x;\n`)).toHaveLength(1);
  });

  it('allows the platform its own files and the config, and modules the platform', async () => {
    expect(
      await problems(
        'src/platform/http/auth.ts',
        "import { a } from '../errors.js';\nimport { b } from '../../config.js';\nexport const y = [a, b];\n",
      ),
    ).toEqual([]);
    expect(
      await problems(
        'src/modules/auth/auth.routes.ts',
        "import { a } from '../../platform/errors.js';\nexport const y = a;\n",
      ),
    ).toEqual([]);
  });

  it('finds nothing to refuse in the platform as it is', async () => {
    const results = await eslint.lintFiles(['src/platform/**/*.ts']);
    const refused = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === 'no-restricted-imports')
        .map((m) => `${r.filePath}: ${m.message}`),
    );
    expect(refused).toEqual([]);
  });
});
