import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createUser } from '../support/factories.js';
import {
  extractResumeText,
  MAX_DOCX_EXPANDED_BYTES,
} from '../../src/modules/resumes/resume-text.js';
import { unpackZip, ZipLimitError } from '../../src/modules/resumes/zip-inflate.js';
import { buildDocx, buildZip, multipartBody } from '../fixtures/resumes/build.js';

const asDocx = { filename: 'cv.docx', mimetype: 'application/octet-stream' };

/** A DOCX whose document.xml declares 1,000 bytes and inflates to `inflated` bytes. */
function docxBomb(inflated: number): Buffer {
  const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${' '.repeat(inflated)}</w:body></w:document>`;
  return buildZip(
    { '[Content_Types].xml': '<Types/>', 'word/document.xml': xml },
    { 'word/document.xml': 1_000 },
  );
}

describe('DOCX decompression bombs', () => {
  const bomb = docxBomb(3 * MAX_DOCX_EXPANDED_BYTES);

  it('stops inflating at the cap, whatever the archive declares', async () => {
    expect(bomb.length).toBeLessThan(200_000);
    const err = await unpackZip(bomb, MAX_DOCX_EXPANDED_BYTES).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZipLimitError);
    expect((err as ZipLimitError).reason).toBe('too_large');
    // One zlib chunk (16 KB) may pass the cap before the stream is destroyed.
    expect((err as ZipLimitError).producedBytes).toBeLessThanOrEqual(
      MAX_DOCX_EXPANDED_BYTES + 64 * 1024,
    );
  });

  it('refuses the bomb as UNREADABLE_FILE saying it is too large once unpacked', async () => {
    await expect(extractResumeText(bomb, asDocx)).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: expect.stringMatching(/too large once unpacked/),
    });
  });

  it('unpacks an honest DOCX entry by entry and still reads it', async () => {
    const docx = buildDocx(['Jane Doe', 'Engineer']);
    const { files, producedBytes } = await unpackZip(docx, MAX_DOCX_EXPANDED_BYTES);
    expect([...files.keys()]).toContain('word/document.xml');
    expect(producedBytes).toBe([...files.values()].reduce((n, b) => n + b.length, 0));
    expect(await extractResumeText(docx, asDocx)).toBe('Jane Doe\n\nEngineer');
  });
});

describe('resume upload of crafted files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const upload = async (filename: string, content: Buffer) => {
    const user = await createUser(t.app);
    const body = multipartBody([{ name: 'file', filename, content }]);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/users/me/resume/file',
      headers: { ...user.headers, ...body.headers },
      payload: body.payload,
    });
  };

  it('answers a DOCX bomb with 422 UNREADABLE_FILE in the error shape', async () => {
    const res = await upload('cv.docx', docxBomb(2 * MAX_DOCX_EXPANDED_BYTES));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      detail: { code: 'UNREADABLE_FILE', message: expect.stringMatching(/too large/) },
    });
  });
});
