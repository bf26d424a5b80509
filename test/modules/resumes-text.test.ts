import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors.js';
import {
  detectResumeFormat,
  extractResumeText,
  normaliseText,
} from '../../src/modules/resumes/resume-text.js';
import { readZipDirectory } from '../../src/modules/resumes/zip-directory.js';
import { buildDocx, buildPdf, buildZip } from '../fixtures/resumes/build.js';

const asTxt = { filename: 'resume.txt', mimetype: 'text/plain' };
const asPdf = { filename: 'resume.pdf', mimetype: 'application/pdf' };
const asDocx = {
  filename: 'resume.docx',
  mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('detectResumeFormat', () => {
  it('recognises a PDF, a DOCX and UTF-8 text by their bytes', () => {
    expect(detectResumeFormat(buildPdf(['x']))).toBe('pdf');
    expect(detectResumeFormat(buildDocx(['x']))).toBe('docx');
    expect(detectResumeFormat(Buffer.from('Jane Doe — engineer\n'))).toBe('txt');
  });

  it('does not take a ZIP without word/document.xml for a DOCX', () => {
    expect(detectResumeFormat(buildZip({ 'notes.txt': 'hello' }))).toBeNull();
  });

  it('does not take binary data or invalid UTF-8 for text', () => {
    expect(
      detectResumeFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    ).toBeNull();
    expect(detectResumeFormat(Buffer.from([0xc3, 0x28, 0x41]))).toBeNull();
    expect(detectResumeFormat(Buffer.from('text\u0000with a NUL'))).toBeNull();
  });
});

describe('extractResumeText', () => {
  it('reads the text of a PDF', async () => {
    const pdf = buildPdf(['Jane Doe', 'Senior engineer (TypeScript, PostgreSQL)']);
    expect(await extractResumeText(pdf, asPdf)).toBe(
      'Jane Doe\nSenior engineer (TypeScript, PostgreSQL)',
    );
  });

  it('reads a PDF whatever it is called', async () => {
    const pdf = buildPdf(['Jane Doe']);
    expect(await extractResumeText(pdf, { filename: 'resume.txt', mimetype: 'text/plain' })).toBe(
      'Jane Doe',
    );
  });

  it('reads the paragraphs of a DOCX', async () => {
    const docx = buildDocx(['Jane Doe', 'Built payment APIs & led a team of 4 <remote>']);
    expect(await extractResumeText(docx, asDocx)).toBe(
      'Jane Doe\n\nBuilt payment APIs & led a team of 4 <remote>',
    );
  });

  it('reads UTF-8 text, without a byte-order mark, with Unix line breaks', async () => {
    const txt = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Zoë Müller\r\nIngénieure  \r\n\r\n\r\n\r\nParis\r\n'),
    ]);
    expect(await extractResumeText(txt, asTxt)).toBe('Zoë Müller\nIngénieure\n\nParis');
  });

  it('reads UTF-16 text that starts with a byte-order mark', async () => {
    const txt = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Jane Doe\n', 'utf16le')]);
    expect(await extractResumeText(txt, asTxt)).toBe('Jane Doe');
  });

  it('refuses an unsupported file with UNSUPPORTED_MEDIA_TYPE naming the accepted types', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const err = await failure(
      extractResumeText(png, { filename: 'me.png', mimetype: 'image/png' }),
    );
    expect(err.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(err.message).toMatch(/PDF/);
    expect(err.message).toMatch(/DOCX/);
    expect(err.message).toMatch(/TXT/);
  });

  it('refuses a ZIP that is not a DOCX, even when named .zip, as unsupported', async () => {
    const zip = buildZip({ 'a.txt': 'hello' });
    const err = await failure(
      extractResumeText(zip, { filename: 'a.zip', mimetype: 'application/zip' }),
    );
    expect(err.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('reports a truncated PDF as UNREADABLE_FILE and suggests pasting the text', async () => {
    const pdf = buildPdf(['Jane Doe']);
    const err = await failure(extractResumeText(pdf.subarray(0, 40), asPdf));
    expect(err.code).toBe('UNREADABLE_FILE');
    expect(err.message).toMatch(/paste the text/i);
  });

  it('reports a PDF without text (a scanned page) as UNREADABLE_FILE', async () => {
    const err = await failure(extractResumeText(buildPdf([]), asPdf));
    expect(err.code).toBe('UNREADABLE_FILE');
    expect(err.message).toMatch(/scanned/);
    expect(err.message).toMatch(/paste the text/i);
  });

  it('reports a damaged DOCX as UNREADABLE_FILE', async () => {
    const docx = buildDocx(['Jane Doe']);
    // Keep the directory (so it is still recognised), break the compressed data.
    const broken = Buffer.from(docx);
    broken.fill(0x41, 60, 400);
    const err = await failure(extractResumeText(broken, asDocx));
    expect(err.code).toBe('UNREADABLE_FILE');
  });

  it('reports a DOCX with empty paragraphs as UNREADABLE_FILE', async () => {
    const err = await failure(extractResumeText(buildDocx(['', '   ']), asDocx));
    expect(err.code).toBe('UNREADABLE_FILE');
  });

  it('refuses a DOCX that claims to unpack past the cap before inflating it', async () => {
    const docx = buildDocx(['Jane Doe']);
    const bomb = buildZip(
      {
        '[Content_Types].xml': '<Types/>',
        'word/document.xml': '<w:document/>',
      },
      { 'word/document.xml': 60 * 1024 * 1024 },
    );
    expect(detectResumeFormat(docx)).toBe('docx');
    const err = await failure(extractResumeText(bomb, asDocx));
    expect(err.code).toBe('UNREADABLE_FILE');
    expect(err.message).toMatch(/too large/);
  });

  it('calls garbage named .pdf or .docx damaged rather than unsupported', async () => {
    const junk = Buffer.from([0x00, 0xff, 0x10, 0x80, 0x00, 0x01]);
    expect((await failure(extractResumeText(junk, asPdf))).code).toBe('UNREADABLE_FILE');
    expect((await failure(extractResumeText(junk, asDocx))).code).toBe('UNREADABLE_FILE');
  });

  it('reports an empty text file as UNREADABLE_FILE', async () => {
    expect((await failure(extractResumeText(Buffer.from(' \n\n '), asTxt))).code).toBe(
      'UNREADABLE_FILE',
    );
  });
});

describe('readZipDirectory', () => {
  it('lists the entries of an archive and rejects a cut one', () => {
    const zip = buildZip({ 'a.txt': 'hello', 'b/c.xml': '<c/>' });
    expect(readZipDirectory(zip)).toMatchObject([
      { name: 'a.txt', uncompressedSize: 5 },
      { name: 'b/c.xml', uncompressedSize: 4 },
    ]);
    expect(readZipDirectory(zip.subarray(0, zip.length - 30))).toBeNull();
  });
});

describe('normaliseText', () => {
  it('drops control characters and trailing blanks and collapses empty lines', () => {
    expect(normaliseText('  a\u0000b \t\n\n\n\nc\u0007\r\n')).toBe('ab\n\nc');
  });
});
