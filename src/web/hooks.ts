import { useEffect, useRef, useState } from 'preact/hooks';

/** Whole seconds since `since` (epoch ms), ticking once a second while `since` is set. */
export function useElapsedSeconds(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

export type Loaded<T> =
  { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'error'; error: unknown };

/**
 * What `load` answers, read again whenever `deps` change or `reload` is called; an answer
 * overtaken by a newer read is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const latest = useRef(0);
  async function reload() {
    const n = ++latest.current;
    try {
      const data = await load();
      if (n === latest.current) setState({ kind: 'ready', data });
    } catch (error) {
      if (n === latest.current) setState({ kind: 'error', error });
    }
  }
  useEffect(() => {
    setState({ kind: 'loading' });
    void reload();
  }, deps);
  return { state, reload };
}
