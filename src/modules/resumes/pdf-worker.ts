// Runs in a worker thread: pdf.js on a crafted file can spin for seconds or grow without
// bound, and here the caller can terminate it without the API's event loop noticing.
import { parentPort, workerData } from 'node:worker_threads';

export interface PdfJob {
  bytes: Uint8Array;
  maxPages: number;
  maxChars: number;
}

export type PdfOutcome =
  | { kind: 'text'; text: string }
  | { kind: 'too_many_pages'; pages: number }
  | { kind: 'password' }
  | { kind: 'damaged' };

async function read({ bytes, maxPages, maxChars }: PdfJob): Promise<PdfOutcome> {
  const { getDocumentProxy } = await import('unpdf');
  let doc: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    doc = await getDocumentProxy(bytes, { verbosity: 0, isEvalSupported: false });
    if (doc.numPages > maxPages) return { kind: 'too_many_pages', pages: doc.numPages };
    const pages: string[] = [];
    let chars = 0;
    // Page by page, stopping once past the caller's limit: the rest would be refused anyway.
    for (let n = 1; n <= doc.numPages && chars <= maxChars; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('');
      pages.push(text);
      chars += text.length;
    }
    // As unpdf's mergePages: blank runs become one space (each pattern a single greedy class).
    const text = pages
      .join('\n')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ ?\n ?/g, '\n');
    return { kind: 'text', text };
  } catch (err) {
    return (err as { name?: string }).name === 'PasswordException'
      ? { kind: 'password' }
      : { kind: 'damaged' };
  } finally {
    await doc?.destroy().catch(() => undefined);
  }
}

if (parentPort) parentPort.postMessage(await read(workerData as PdfJob));
