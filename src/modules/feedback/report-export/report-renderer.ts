// Rendering a report is CPU work: a full report's PDF takes tens of milliseconds (more on a
// loaded machine), the largest session's seconds. PDFs are made in a worker thread of their
// own, and so is the Markdown of a very large document; few at a time, a short queue, then
// 429. A render past its time has its thread stopped (503), never the event loop held.
import { AppError } from '../../../platform/errors.js';
import { createSemaphore, QueueFullError } from '../../../platform/semaphore.js';
import {
  createThreadPool,
  ThreadCrashedError,
  ThreadTimeoutError,
  type ThreadPool,
} from '../../../platform/thread-pool.js';
import type { ReportDocument } from './report-document.js';
import { renderReportMarkdown } from './report-markdown.js';
import { toPdfInput, type PdfInput } from './report-pdf-input.js';

export interface ReportRendererOptions {
  /** Threads, and so renders made at once. */
  threads: number;
  /** Renders that may wait for a thread; past them, 429. */
  maxWaiting: number;
  /** Wall time of one render in its thread. */
  timeoutMs: number;
}

export const REPORT_RENDER_DEFAULTS: ReportRendererOptions = {
  threads: 1,
  maxWaiting: 8,
  timeoutMs: 15_000,
};

/** Answer text up to which Markdown is made on the calling thread (well under 10 ms). */
const INLINE_MARKDOWN_CHARS = 200_000;

export interface ReportRenderer {
  pdf(doc: ReportDocument): Promise<Buffer>;
  markdown(doc: ReportDocument): Promise<string>;
  close(): Promise<void>;
}

// The build runs the compiled entry beside this file; under the tests it is the TypeScript.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = new URL(
  FROM_SOURCE ? './report-render-thread.ts' : './report-render-thread.js',
  import.meta.url,
);

const answerChars = (doc: ReportDocument) =>
  doc.questions.reduce((n, q) => n + q.attempts.reduce((m, a) => m + a.content.length, 0), 0);

export function createReportRenderer(
  options: ReportRendererOptions = REPORT_RENDER_DEFAULTS,
): ReportRenderer {
  let pool: ThreadPool | undefined;
  // Created on first use: start-up spawns no thread and loads no PDF library.
  const threads = () =>
    (pool ??= createThreadPool({
      entry: ENTRY,
      size: options.threads,
      timeoutMs: options.timeoutMs,
      maxHeapMb: 256,
    }));
  const slots = createSemaphore(options.threads, options.maxWaiting);

  async function inThread<I, O>(task: string, input: I): Promise<O> {
    try {
      return await slots.run(() => threads().run<I, O>(task, input));
    } catch (err) {
      if (err instanceof QueueFullError) {
        throw new AppError(
          'RATE_LIMITED',
          'Too many reports are being made into files right now. Try again in a few seconds.',
          { retryAfterSeconds: 5 },
        );
      }
      if (err instanceof ThreadTimeoutError || err instanceof ThreadCrashedError) {
        throw new AppError(
          'SERVICE_UNAVAILABLE',
          'The report file could not be made. Try again, or download the other format.',
        );
      }
      throw err;
    }
  }

  return {
    async pdf(doc) {
      const bytes = await inThread<PdfInput, Uint8Array>('renderReportPdf', toPdfInput(doc));
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    async markdown(doc) {
      if (answerChars(doc) <= INLINE_MARKDOWN_CHARS) return renderReportMarkdown(doc);
      return inThread<ReportDocument, string>('renderReportMarkdown', doc);
    },
    close: async () => pool?.close(),
  };
}
