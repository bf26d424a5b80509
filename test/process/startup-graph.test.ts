// What `npm start` loads before it answers: the bundle's static imports and the chunks
// main.js imports at start. The model clients are not among them (the AI SDK loads when a
// worker prepares a model call, undici when a user's own model is set up), so a server on
// the offline generator never pays for them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../e2e/support/build.js';

const DIST = path.join(ROOT, 'dist');
const STATIC_IMPORT = /(?:^|\n)import\s*(?:[^;]*?from\s*)?"([^"]+)"/g;
const DYNAMIC_IMPORT = /import\("(\.\/[^"]+)"\)/g;

/** The packages the start-up chunks import, and how many bytes of our bundle they are. */
function startupGraph(entry: string): { packages: Set<string>; bytes: number } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  let bytes = 0;
  const visit = (file: string, followDynamic: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(path.join(DIST, file), 'utf8');
    bytes += text.length;
    for (const [, target] of text.matchAll(STATIC_IMPORT)) {
      if (target!.startsWith('./')) visit(target!.slice(2), false);
      else if (!target!.startsWith('node:')) packages.add(target!);
    }
    // main.js starts its modules with import() in parallel with the database: those count.
    if (followDynamic)
      for (const [, target] of text.matchAll(DYNAMIC_IMPORT)) visit(target!.slice(2), false);
  };
  visit(entry, true);
  return { packages, bytes };
}

describe('the start-up path', () => {
  beforeAll(() => ensureBuilt());

  it.each(['main.js', 'worker.js'])('of %s does not load the model clients', (entry) => {
    const { packages, bytes } = startupGraph(entry);
    expect(packages.size).toBeGreaterThan(0);
    expect(bytes).toBeGreaterThan(100_000);
    const clients = [...packages].filter(
      (p) => p === 'ai' || p.startsWith('@ai-sdk/') || p === 'undici',
    );
    expect(clients).toEqual([]);
  });
});
