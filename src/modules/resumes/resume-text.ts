import { AppError } from '../../platform/errors.js';
import { createPdfReader, type PdfReader } from './pdf-reader.js';
import { RESUME_MAX_CHARS } from './resumes.schemas.js';
import { isZip, readZipDirectory } from './zip-directory.js';
import { storedZip, unpackZip, ZipLimitError } from './zip-inflate.js';

export type ResumeFormat = 'pdf' | 'docx' | 'txt';

/** What the client said about the file; used only to word an error, never to pick a parser. */
export interface DeclaredFile {
  filename: string;
  mimetype: string;
}

// A DOCX is refused as soon as inflating it produces more than this, whatever it declares.
export const MAX_DOCX_EXPANDED_BYTES = 20 * 1024 * 1024;

// Extracted text longer than this is refused before it is normalised: blank runs and
// empty lines may shrink, but not by this much in any real resume.
export const MAX_RAW_TEXT_CHARS = 4 * RESUME_MAX_CHARS;

const PASTE_INSTEAD = 'Paste the text of your resume instead.';

export const unsupported = (): AppError =>
  new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    'This file type is not supported. Upload a PDF, DOCX or TXT file, or paste the text instead.',
  );

// One per process, so the concurrency limit holds for every request.
let pdfReader: PdfReader | undefined;
const defaultPdfReader = (): PdfReader => (pdfReader ??= createPdfReader());

export const textTooLong = (): AppError =>
  new AppError(
    'VALIDATION_ERROR',
    `The text of this file is longer than ${RESUME_MAX_CHARS} characters. Shorten it, or paste the part that matters.`,
    { errors: [{ field: 'file', message: `text must be at most ${RESUME_MAX_CHARS} characters` }] },
  );

const unreadable = (why: string): AppError =>
  new AppError('UNREADABLE_FILE', `${why} ${PASTE_INSTEAD}`);

/** The format the bytes are in, whatever the file is called; null when none we read. */
export function detectResumeFormat(buf: Buffer): ResumeFormat | null {
  if (buf.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (isZip(buf)) {
    const names = readZipDirectory(buf)?.map((e) => e.name) ?? [];
    return names.includes('word/document.xml') ? 'docx' : null;
  }
  return decodeText(buf) === null ? null : 'txt';
}

/**
 * The plain text of a resume file (PDF, DOCX or TXT), normalised and never empty.
 * Throws UNSUPPORTED_MEDIA_TYPE for any other kind of file and UNREADABLE_FILE
 * for a broken one or one without text (a scanned PDF).
 */
export async function extractResumeText(
  buf: Buffer,
  declared: DeclaredFile,
  pdf: PdfReader = defaultPdfReader(),
): Promise<string> {
  const format = detectResumeFormat(buf);
  if (!format) {
    // Named like a document we read but not one inside: most likely damaged.
    if (claimsDocument(declared))
      throw unreadable('This file could not be read; it may be damaged.');
    throw unsupported();
  }
  const raw =
    format === 'pdf'
      ? await pdf.read(buf, MAX_RAW_TEXT_CHARS + 1)
      : format === 'docx'
        ? await docxText(buf)
        : decodeText(buf)!;
  if (raw.length > MAX_RAW_TEXT_CHARS) throw textTooLong();
  const text = normaliseText(raw);
  if (!text) {
    throw unreadable(
      format === 'pdf'
        ? 'No text could be found in this PDF; it may be a scanned image.'
        : 'No text could be found in this file.',
    );
  }
  return text;
}

async function docxText(buf: Buffer): Promise<string> {
  const entries = readZipDirectory(buf) ?? [];
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > MAX_DOCX_EXPANDED_BYTES) throw docxTooLarge();
  let unpacked: Buffer;
  try {
    // Inflated here under a hard cap, then handed to mammoth stored: it inflates nothing itself.
    unpacked = storedZip((await unpackZip(buf, MAX_DOCX_EXPANDED_BYTES)).files);
  } catch (err) {
    if (err instanceof ZipLimitError && err.reason === 'too_large') throw docxTooLarge();
    throw unreadable('This DOCX file could not be read; it may be damaged.');
  }
  try {
    const { default: mammoth } = await import('mammoth');
    return (await mammoth.extractRawText({ buffer: unpacked })).value;
  } catch {
    throw unreadable('This DOCX file could not be read; it may be damaged.');
  }
}

const docxTooLarge = (): AppError => unreadable('This DOCX file is too large once unpacked.');

/** UTF-8 (or UTF-16 with a byte-order mark) text without binary control bytes; else null. */
function decodeText(buf: Buffer): string | null {
  const encoding =
    buf[0] === 0xff && buf[1] === 0xfe
      ? 'utf-16le'
      : buf[0] === 0xfe && buf[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(buf);
  } catch {
    return null;
  }
  // NUL and other C0 controls (tab, line breaks and form feed aside) mean a binary file.
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return null;
  if (text.startsWith('{\\rtf')) return null;
  return text;
}

// Control characters other than tab and line feed; PostgreSQL refuses NUL outright.
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const STRAY_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Unix line breaks, no control characters, no trailing blanks, at most one empty line in a row. */
export function normaliseText(raw: string): string {
  // A loop, not a per-line /[ \t]+$/: that pattern rescans a run of blanks from every
  // position in it, which is quadratic on a long line of spaces.
  const lines = raw.replace(/\r\n?/g, '\n').replace(STRAY_CONTROLS, '').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    let end = line.length;
    while (end > 0 && isBlank(line.charCodeAt(end - 1))) end -= 1;
    if (end === 0 && kept.at(-1) === '') continue;
    kept.push(line.slice(0, end));
  }
  return kept.join('\n').trim();
}

const isBlank = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0xa0;

function claimsDocument({ filename, mimetype }: DeclaredFile): boolean {
  return (
    /\.(pdf|docx)$/i.test(filename) ||
    mimetype === 'application/pdf' ||
    mimetype === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  );
}
