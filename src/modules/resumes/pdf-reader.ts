import { Worker } from 'node:worker_threads';
import { AppError } from '../../platform/errors.js';
import { createSemaphore, QueueFullError } from '../../platform/semaphore.js';
import type { PdfJob, PdfOutcome } from './pdf-worker.js';

export interface PdfLimits {
  /** Wall time for one file; past it the worker is terminated. */
  timeoutMs: number;
  maxPages: number;
  /** Files read at once; more wait, up to maxWaiting, then are refused. */
  concurrency: number;
  maxWaiting: number;
  /** Heap of one worker. */
  maxHeapMb: number;
}

export const PDF_LIMITS: PdfLimits = {
  timeoutMs: 10_000,
  maxPages: 20,
  concurrency: 2,
  maxWaiting: 8,
  maxHeapMb: 128,
};

const PASTE_INSTEAD = 'Paste the text of your resume instead.';
const refuse = (why: string) => new AppError('UNREADABLE_FILE', `${why} ${PASTE_INSTEAD}`);

// The build runs the compiled worker; under the tests the sources are TypeScript, so a
// small bootstrap registers tsx in the worker first (execArgv loaders do not reach it).
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './pdf-worker.ts' : './pdf-worker.js', import.meta.url);
const TS_BOOTSTRAP = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;

export interface PdfReader {
  /** The text of a PDF, read in a worker thread; throws UNREADABLE_FILE or RATE_LIMITED. */
  read(buf: Buffer, maxChars: number): Promise<string>;
  readonly active: number;
}

export function createPdfReader(limits: PdfLimits = PDF_LIMITS): PdfReader {
  const slots = createSemaphore(limits.concurrency, limits.maxWaiting);
  let active = 0;

  async function inWorker(job: PdfJob): Promise<PdfOutcome | 'timeout' | 'crashed'> {
    active += 1;
    const worker = new Worker(FROM_SOURCE ? TS_BOOTSTRAP : WORKER_URL, {
      eval: FROM_SOURCE,
      workerData: job,
      transferList: [job.bytes.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
      stdout: true, // pdf.js warnings stay out of the service's log
      stderr: true,
    });
    try {
      return await new Promise((resolve) => {
        const timer = setTimeout(() => resolve('timeout'), limits.timeoutMs);
        const settle = (outcome: PdfOutcome | 'crashed') => {
          clearTimeout(timer);
          resolve(outcome);
        };
        worker.once('message', (m: PdfOutcome) => settle(m));
        worker.once('error', () => settle('crashed')); // out of memory, among others
        worker.once('exit', () => settle('crashed'));
      });
    } finally {
      await worker.terminate();
      active -= 1;
    }
  }

  return {
    async read(buf, maxChars) {
      // A copy: the bytes are moved to the worker, and the caller keeps its buffer.
      const job = { bytes: new Uint8Array(buf), maxPages: limits.maxPages, maxChars };
      const outcome = await slots
        .run(() => inWorker(job))
        .catch((err: unknown) => {
          if (!(err instanceof QueueFullError)) throw err;
          throw new AppError(
            'RATE_LIMITED',
            'Too many files are being read right now. Try again in a few seconds.',
            { retryAfterSeconds: 5 },
          );
        });
      if (outcome === 'timeout') {
        throw refuse(`This PDF took too long to read (over ${limits.timeoutMs / 1000} s).`);
      }
      if (outcome === 'crashed') throw refuse('This PDF is too complex to read.');
      switch (outcome.kind) {
        case 'text':
          return outcome.text;
        case 'too_many_pages':
          throw refuse(`This PDF has ${outcome.pages} pages; at most ${limits.maxPages} are read.`);
        case 'password':
          throw refuse('This PDF is protected by a password.');
        case 'damaged':
          throw refuse('This PDF could not be read; it may be damaged.');
      }
    },
    get active() {
      return active;
    },
  };
}
