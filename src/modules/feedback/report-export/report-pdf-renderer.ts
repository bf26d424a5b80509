// PDF rendering is CPU work (tens of milliseconds for a full report, more for a long one):
// it runs in a worker thread of its own, so the API's event loop keeps answering meanwhile.
// Few at a time, a short queue, then 429; a render past its time has its thread stopped.
import { AppError } from '../../../platform/errors.js';
import { createSemaphore, QueueFullError } from '../../../platform/semaphore.js';
import {
  createThreadPool,
  ThreadCrashedError,
  ThreadTimeoutError,
  type ThreadPool,
} from '../../../platform/thread-pool.js';
import type { ReportDocument } from './report-document.js';

export interface PdfRendererOptions {
  /** Threads, and so PDFs made at once. */
  threads: number;
  /** Renders that may wait for a thread; past them, 429. */
  maxWaiting: number;
  /** Wall time of one render in its thread. */
  timeoutMs: number;
}

export const PDF_RENDER_DEFAULTS: PdfRendererOptions = {
  threads: 1,
  maxWaiting: 8,
  timeoutMs: 15_000,
};

export interface PdfRenderer {
  render(doc: ReportDocument): Promise<Buffer>;
  close(): Promise<void>;
}

// The build runs the compiled entry beside this file; under the tests it is the TypeScript.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = new URL(
  FROM_SOURCE ? './report-pdf-thread.ts' : './report-pdf-thread.js',
  import.meta.url,
);

export function createPdfRenderer(options: PdfRendererOptions = PDF_RENDER_DEFAULTS): PdfRenderer {
  let pool: ThreadPool | undefined;
  // Created on first use: start-up spawns no thread.
  const threads = () =>
    (pool ??= createThreadPool({
      entry: ENTRY,
      size: options.threads,
      timeoutMs: options.timeoutMs,
      maxHeapMb: 128,
    }));
  const slots = createSemaphore(options.threads, options.maxWaiting);
  return {
    async render(doc) {
      try {
        const bytes = await slots.run(() =>
          threads().run<ReportDocument, Uint8Array>('renderReportPdf', doc),
        );
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (err) {
        if (err instanceof QueueFullError) {
          throw new AppError(
            'RATE_LIMITED',
            'Too many PDF reports are being made right now. Try again in a few seconds.',
            { retryAfterSeconds: 5 },
          );
        }
        if (err instanceof ThreadTimeoutError || err instanceof ThreadCrashedError) {
          throw new AppError(
            'SERVICE_UNAVAILABLE',
            'The PDF report could not be made. Try again, or download the Markdown report.',
          );
        }
        throw err;
      }
    },
    close: async () => pool?.close(),
  };
}
