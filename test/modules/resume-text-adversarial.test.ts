import { describe, expect, it } from 'vitest';
import {
  detectResumeFormat,
  extractResumeText,
  MAX_RAW_TEXT_CHARS,
  normaliseText,
} from '../../src/modules/resumes/resume-text.js';
import { isZip, readZipDirectory } from '../../src/modules/resumes/zip-directory.js';
import {
  adversarialInputs,
  MAX_LINEAR_RATIO,
  timeRatio,
  timeRatioAsync,
} from '../support/linear-time.js';
import { buildDocx } from '../fixtures/resumes/build.js';

const asTxt = { filename: 'resume.txt', mimetype: 'text/plain' };
const inputs = Object.entries(adversarialInputs());

describe('resume extraction on adversarial text', () => {
  it.each(inputs)('normaliseText stays linear on %s', (_name, text) => {
    expect(timeRatio(() => normaliseText(text))).toBeLessThan(MAX_LINEAR_RATIO);
  });

  it.each(inputs)(
    'detectResumeFormat, isZip and readZipDirectory stay linear on %s',
    (_n, text) => {
      const buf = Buffer.from(text);
      expect(timeRatio(() => detectResumeFormat(buf))).toBeLessThan(MAX_LINEAR_RATIO);
      expect(timeRatio(() => isZip(buf))).toBeLessThan(MAX_LINEAR_RATIO);
      // A ZIP signature in front makes the directory search walk the whole buffer.
      const zipLike = Buffer.concat([Buffer.from('PK\u0003\u0004'), buf]);
      expect(timeRatio(() => readZipDirectory(zipLike))).toBeLessThan(MAX_LINEAR_RATIO);
    },
  );

  it.each(inputs)('extractResumeText stays linear on a text file of %s', async (_n, text) => {
    const buf = Buffer.from(`Jane Doe\n${text}\nEngineer`);
    const ratio = await timeRatioAsync(() => extractResumeText(buf, asTxt).catch(() => undefined));
    expect(ratio).toBeLessThan(MAX_LINEAR_RATIO);
  });

  it('extractResumeText stays linear on a DOCX paragraph of spaces between words', async () => {
    const docx = buildDocx([`a${' '.repeat(50_000)}b`, 'Engineer']);
    const asDocx = { filename: 'r.docx', mimetype: 'application/octet-stream' };
    const ratio = await timeRatioAsync(() => extractResumeText(docx, asDocx), 2);
    // mammoth parses XML: more per character than a regex, still linear.
    expect(ratio).toBeLessThan(MAX_LINEAR_RATIO * 10);
  });

  it('refuses raw text far over the limit before normalising it', async () => {
    const huge = Buffer.from(`a${' '.repeat(MAX_RAW_TEXT_CHARS)}b`);
    await expect(extractResumeText(huge, asTxt)).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
  });
});
