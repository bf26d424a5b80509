import { describe, expect, it } from 'vitest';
import {
  detectResumeFormat,
  extractResumeText,
  MAX_RAW_TEXT_CHARS,
  normaliseText,
} from '../../src/modules/resumes/resume-text.js';
import { isZip, readZipDirectory } from '../../src/modules/resumes/zip-directory.js';
import { ADVERSARIAL_SHAPES, growthRatio, MAX_GROWTH } from '../support/linear-time.js';
import { buildDocx } from '../fixtures/resumes/build.js';

const asTxt = { filename: 'resume.txt', mimetype: 'text/plain' };
const asDocx = { filename: 'r.docx', mimetype: 'application/octet-stream' };

describe('resume extraction on adversarial text', () => {
  it.each(ADVERSARIAL_SHAPES)('normaliseText stays linear on %s', async (shape) => {
    expect(await growthRatio(shape, normaliseText)).toBeLessThan(MAX_GROWTH);
  });

  it.each(ADVERSARIAL_SHAPES)(
    'detectResumeFormat, isZip and readZipDirectory stay linear on %s',
    async (shape) => {
      expect(await growthRatio(shape, (t) => detectResumeFormat(Buffer.from(t)))).toBeLessThan(
        MAX_GROWTH,
      );
      expect(await growthRatio(shape, (t) => isZip(Buffer.from(t)))).toBeLessThan(MAX_GROWTH);
      // A ZIP signature in front makes the directory search walk the whole buffer.
      const zipLike = (t: string) => Buffer.from(`PK\u0003\u0004${t}`);
      expect(await growthRatio(shape, (t) => readZipDirectory(zipLike(t)))).toBeLessThan(
        MAX_GROWTH,
      );
    },
  );

  it.each(ADVERSARIAL_SHAPES)(
    'extractResumeText stays linear on a text file of %s',
    async (shape) => {
      const extract = (t: string) =>
        extractResumeText(Buffer.from(`Jane Doe\n${t}\nEngineer`), asTxt).catch(() => undefined);
      expect(await growthRatio(shape, extract)).toBeLessThan(MAX_GROWTH);
    },
  );

  it.each(['spaces between letters', 'dots and letters', 'mixed'])(
    'extractResumeText stays linear on a DOCX paragraph of %s',
    async (shape) => {
      const extract = (t: string) => extractResumeText(buildDocx([t, 'Engineer']), asDocx);
      expect(await growthRatio(shape, extract)).toBeLessThan(MAX_GROWTH);
    },
  );

  it('refuses raw text far over the limit before normalising it', async () => {
    const huge = Buffer.from(`a${' '.repeat(MAX_RAW_TEXT_CHARS)}b`);
    await expect(extractResumeText(huge, asTxt)).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
  });
});
