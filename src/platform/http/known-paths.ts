import type { FastifyInstance } from 'fastify';

/**
 * The methods each route path answers, to tell "wrong method" (405) from "no such path"
 * (404). Records every route as it is added, so it must be created before the routes.
 * Segments are compared one by one (no regular expression over the URL); a `:param`
 * segment matches any non-empty segment. Catch-all routes (`/*`) are left out: the UI's
 * page fallback would otherwise make every path "known".
 */
export function trackKnownPaths(app: FastifyInstance) {
  const routes: { segments: string[]; methods: Set<string> }[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.includes('*')) return;
    const segments = route.url.split('/');
    let entry = routes.find((r) => r.segments.join('/') === segments.join('/'));
    if (!entry) {
      entry = { segments, methods: new Set() };
      routes.push(entry);
    }
    for (const method of [route.method].flat()) entry.methods.add(method.toUpperCase());
  });

  /** The methods allowed on a path, or an empty list when no route has that path. */
  return function allowedMethods(path: string): string[] {
    const parts = path.split('/');
    const allowed = new Set<string>();
    for (const route of routes) {
      const matches =
        route.segments.length === parts.length &&
        route.segments.every((seg, i) =>
          seg.startsWith(':') ? parts[i] !== '' : seg === parts[i],
        );
      if (matches) route.methods.forEach((m) => allowed.add(m));
    }
    return [...allowed].sort();
  };
}
