import { notFound } from '../../platform/errors.js';
import { extractResumeText, textTooLong, type DeclaredFile } from './resume-text.js';
import type { PdfReader } from './pdf-reader.js';
import type { ResumeRow, ResumesRepository } from './resumes.repository.js';
import { RESUME_MAX_CHARS } from './resumes.schemas.js';

export interface ResumeUpload extends DeclaredFile {
  content: Buffer;
}

export function createResumesService({
  resumes,
  pdf,
}: {
  resumes: ResumesRepository;
  /** Reads PDFs in worker threads; one per process, so its concurrency limit holds. */
  pdf?: PdfReader;
}) {
  return {
    save: (
      userId: string,
      content: string,
      sourceFilename: string | null = null,
    ): Promise<ResumeRow> => resumes.upsert(userId, content, sourceFilename),

    /** Replaces the resume with the text of an uploaded PDF, DOCX or TXT file. */
    async saveFile(userId: string, file: ResumeUpload): Promise<ResumeRow> {
      const text = await extractResumeText(file.content, file, pdf);
      if (text.length > RESUME_MAX_CHARS) throw textTooLong();
      return resumes.upsert(userId, text, sourceFilename(file.filename));
    },

    async get(userId: string): Promise<ResumeRow> {
      const resume = await resumes.findByUser(userId);
      if (!resume) throw notFound('RESUME_NOT_FOUND', 'Resume');
      return resume;
    },

    /** The text the question generator reads; null when the user has none. */
    findText: async (userId: string): Promise<string | null> =>
      (await resumes.findByUser(userId))?.content ?? null,
  };
}

export type ResumesService = ReturnType<typeof createResumesService>;

// eslint-disable-next-line no-control-regex -- control characters are what this matches
const CONTROLS = /[\u0000-\u001f\u007f]/g;

/** The base name the client gave (browsers may send a path), without control characters. */
function sourceFilename(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(CONTROLS, '').trim().slice(0, 255) || null;
}
