import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import { fieldErrorsOf } from '../field-errors.js';
import { formatTime } from '../format.js';
import type { Resume } from '../types.js';
import { ErrorNotice } from './error-notice.js';
import { Field } from './field.js';

const MAX_CHARS = 50_000;
const ACCEPT =
  '.pdf,.docx,.txt,application/pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function ResumeSection() {
  const [content, setContent] = useState('');
  const [saved, setSaved] = useState<Resume | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'upload' | null>(null);
  // Once saved, the resume folds into a short preview so the interview stays in reach.
  const [editing, setEditing] = useState(true);
  const fileId = useId();
  const typedRef = useRef('');
  typedRef.current = content;

  useEffect(() => {
    api
      .getResume()
      .then((resume) => {
        setSaved(resume);
        // Text typed while this loaded wins over the stored copy.
        if (!typedRef.current) {
          setContent(resume.content);
          setEditing(false);
        }
      })
      .catch((err: unknown) => {
        if (!(err instanceof ApiError && err.code === 'RESUME_NOT_FOUND')) setError(err);
      });
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    setBusy('save');
    setError(null);
    try {
      setSaved(await api.saveResume(content));
      setEditing(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  async function upload(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy('upload');
    setError(null);
    try {
      const resume = await api.uploadResume(file);
      setSaved(resume);
      setContent(resume.content);
      setEditing(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
      input.value = '';
    }
  }

  const unsaved = content !== (saved?.content ?? '');
  let state = 'Not saved yet.';
  if (busy === 'upload') state = 'Reading your file…';
  else if (busy === 'save') state = 'Saving…';
  else if (saved && unsaved) state = 'You have changes that are not saved.';
  else if (saved) {
    const from = saved.source_filename ? ` from ${saved.source_filename}` : '';
    state = `Saved${from} at ${formatTime(saved.updated_at)}.`;
  }

  if (saved && !editing) {
    return (
      <section class="card" aria-labelledby="resume-heading">
        <h2 id="resume-heading">Your resume</h2>
        <div class="resume-preview">
          <p>{saved.content}</p>
        </div>
        <div class="actions">
          <button type="button" class="button button-secondary" onClick={() => setEditing(true)}>
            Edit resume
          </button>
          <p class="status-text" role="status">
            {state}
          </p>
        </div>
      </section>
    );
  }

  return (
    <section class="card" aria-labelledby="resume-heading">
      <h2 id="resume-heading">Your resume</h2>
      <form onSubmit={save} noValidate>
        <Field
          label="Resume"
          multiline
          rows={8}
          value={content}
          onInput={setContent}
          required
          maxLength={MAX_CHARS}
          hint="Paste it as plain text, or upload a file below. Questions are built from it."
          error={fieldErrorsOf(error).content}
        />
        <p class="count">
          {content.length.toLocaleString()} / {MAX_CHARS.toLocaleString()} characters
        </p>
        <div class="field">
          <label for={fileId}>Or upload a file (PDF, DOCX or TXT)</label>
          <input
            id={fileId}
            type="file"
            accept={ACCEPT}
            onChange={upload}
            disabled={busy !== null}
          />
        </div>
        <ErrorNotice error={error} fieldsInline />
        <div class="actions">
          <button type="submit" class="button" disabled={busy !== null || !content.trim()}>
            Save resume
          </button>
          {saved ? (
            <button
              type="button"
              class="button button-secondary"
              onClick={() => {
                setContent(saved.content);
                setError(null);
                setEditing(false);
              }}
            >
              Cancel
            </button>
          ) : null}
          <p class="status-text" role="status">
            {state}
          </p>
        </div>
      </form>
    </section>
  );
}
