import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfReader, PDF_LIMITS } from '../../src/modules/resumes/pdf-reader.js';
import { extractResumeText } from '../../src/modules/resumes/resume-text.js';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createUser } from '../support/factories.js';
import { multipartBody } from '../fixtures/resumes/build.js';
import { pdfWithHugeContentStream, pdfWithPages } from '../fixtures/resumes/crafted-pdf.js';

const asPdf = { filename: 'cv.pdf', mimetype: 'application/pdf' };
// Tens of seconds of pdf.js work: far past any timeout used here.
const heavy = pdfWithHugeContentStream(40 * 1024 * 1024);

describe('PDF reading in a worker thread', () => {
  it('is crafted small on disk', () => {
    expect(heavy.length).toBeLessThan(1024 * 1024);
  });

  it('terminates a PDF that takes longer than the timeout and refuses it', async () => {
    const reader = createPdfReader({ ...PDF_LIMITS, timeoutMs: 500 });
    await expect(extractResumeText(heavy, asPdf, reader)).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: expect.stringMatching(/took too long/),
    });
    expect(reader.active).toBe(0);
  });

  it('refuses a PDF with more pages than the cap, saying how many', async () => {
    const reader = createPdfReader({ ...PDF_LIMITS, maxPages: 20 });
    await expect(extractResumeText(pdfWithPages(21), asPdf, reader)).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: expect.stringMatching(/21 pages; at most 20/),
    });
    expect(await extractResumeText(pdfWithPages(3), asPdf, reader)).toBe('Page 1\nPage 2\nPage 3');
  });

  it('reads at most `concurrency` files at once and refuses past the queue with 429', async () => {
    const reader = createPdfReader({
      ...PDF_LIMITS,
      timeoutMs: 500,
      concurrency: 1,
      maxWaiting: 1,
    });
    const first = extractResumeText(heavy, asPdf, reader).catch((e: unknown) => e);
    const second = extractResumeText(heavy, asPdf, reader).catch((e: unknown) => e);
    await expect(extractResumeText(heavy, asPdf, reader)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      extra: { retryAfterSeconds: 5 },
    });
    expect(reader.active).toBe(1);
    await Promise.all([first, second]);
  });
});

describe('PDF upload while the API keeps answering', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { PDF_TIMEOUT_MS: '3000' } });
  });
  afterAll(() => t.close());

  it('answers /healthz while a crafted PDF is being read, then refuses the PDF with 422', async () => {
    const user = await createUser(t.app);
    const body = multipartBody([{ name: 'file', filename: 'cv.pdf', content: heavy }]);
    let uploadDone = false;
    const upload = t.app
      .inject({
        method: 'POST',
        url: '/api/v1/users/me/resume/file',
        headers: { ...user.headers, ...body.headers },
        payload: body.payload,
      })
      .finally(() => (uploadDone = true));
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(uploadDone).toBe(false);
    const res = await upload;
    expect(res.statusCode).toBe(422);
    // Out of time or out of the worker's heap, whichever comes first on this machine.
    expect(res.json()).toEqual({
      detail: {
        code: 'UNREADABLE_FILE',
        message: expect.stringMatching(/took too long|too complex/),
      },
    });
  });
});
