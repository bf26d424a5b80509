import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from './api.js';
import type { OperationStatus, Report } from './types.js';
import { followOperation } from './use-operation.js';

export type ReportState =
  | { kind: 'loading' }
  | { kind: 'ready'; report: Report }
  /** None stored yet (404 REPORT_NOT_FOUND), or nothing to report (409). */
  | { kind: 'none'; nothingToReport: boolean }
  | { kind: 'waiting'; status: OperationStatus; since: number }
  | { kind: 'failed'; message: string }
  | { kind: 'error'; error: unknown };

const FAILED = 'The report could not be built.';

/** A completed session's report: read it, follow its building, or ask for one. */
export function useSessionReport(sessionId: string) {
  const [state, setState] = useState<ReportState>({ kind: 'loading' });
  const polling = useRef<AbortController | null>(null);

  useEffect(() => {
    setState({ kind: 'loading' });
    return () => polling.current?.abort();
  }, [sessionId]);

  async function load() {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'ready', report: await api.getReport(sessionId) });
    } catch (error) {
      const none = error instanceof ApiError && error.code === 'REPORT_NOT_FOUND';
      setState(none ? { kind: 'none', nothingToReport: false } : { kind: 'error', error });
    }
  }

  async function follow(opId: string) {
    polling.current?.abort();
    const ctrl = new AbortController();
    polling.current = ctrl;
    const since = Date.now();
    setState({ kind: 'waiting', status: 'pending', since });
    try {
      const op = await followOperation(opId, ctrl.signal, (status) =>
        setState({ kind: 'waiting', status, since }),
      );
      if (op.status === 'failed') setState({ kind: 'failed', message: op.error_message ?? FAILED });
      else await load();
    } catch (error) {
      if (!ctrl.signal.aborted) setState({ kind: 'error', error });
    }
  }

  async function request() {
    setState({ kind: 'waiting', status: 'pending', since: Date.now() });
    try {
      const op = await api.requestReport(sessionId);
      await follow(op.id);
    } catch (error) {
      const nothing = error instanceof ApiError && error.code === 'NOTHING_TO_REPORT';
      setState(nothing ? { kind: 'none', nothingToReport: true } : { kind: 'error', error });
    }
  }

  /** On completion: the report's operation, or none when nothing was answered. */
  function started(opId: string | null) {
    if (opId) void follow(opId);
    else setState({ kind: 'none', nothingToReport: true });
  }

  return { state, load, request, started };
}
