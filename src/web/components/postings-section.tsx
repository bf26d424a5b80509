import { useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { fieldErrorsOf } from '../field-errors.js';
import { postingName } from '../format.js';
import type { JobPosting, JobPostingInput, Session } from '../types.js';
import { ErrorNotice } from './error-notice.js';
import { Field } from './field.js';

interface PostingsSectionProps {
  postings: JobPosting[] | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onSaved: (posting: JobPosting) => void;
  onStarted: (session: Session) => void;
  onProgress: () => void;
}

export function PostingsSection(props: PostingsSectionProps) {
  const { postings, selectedId } = props;
  const [editing, setEditing] = useState<JobPosting | null>(null);
  const [adding, setAdding] = useState(false);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const selected = postings?.find((p) => p.id === selectedId) ?? null;

  async function start() {
    if (!selected) return;
    setStarting(true);
    setStartError(null);
    try {
      props.onStarted(await api.startSession(selected.id));
    } catch (err) {
      setStartError(err);
    } finally {
      setStarting(false);
    }
  }

  const focusForm = () =>
    requestAnimationFrame(() => formRef.current?.querySelector('input')?.focus());

  function edit() {
    setEditing(selected);
    focusForm();
  }

  function add() {
    setEditing(null);
    setAdding(true);
    focusForm();
  }

  return (
    <section class="card" aria-labelledby="postings-heading">
      <h2 id="postings-heading">Job postings</h2>
      {postings === null ? (
        <p class="empty">Loading your job postings…</p>
      ) : postings.length === 0 ? (
        <p class="empty">No job postings yet. Add the job you are applying for below.</p>
      ) : (
        <fieldset class="postings">
          <legend>Pick the job to practise for</legend>
          {postings.map((p) => (
            <label class={`posting${p.id === selectedId ? ' posting-selected' : ''}`} key={p.id}>
              <input
                type="radio"
                name="job-posting"
                value={p.id}
                checked={p.id === selectedId}
                onChange={() => props.onSelect(p.id)}
              />
              <span class="posting-name">{postingName(p)}</span>
              {p.experience_level || p.tech_stack ? (
                <span class="posting-meta">
                  {[p.experience_level, p.tech_stack].filter(Boolean).join(' · ')}
                </span>
              ) : null}
            </label>
          ))}
        </fieldset>
      )}
      {selected ? (
        <div class="picked">
          <p class="picked-summary">
            Picked: <strong>{postingName(selected)}</strong>
          </p>
          <div class="actions">
            <button type="button" class="button" onClick={start} disabled={starting}>
              Start interview
            </button>
            <button type="button" class="button button-secondary" onClick={edit}>
              Edit job posting
            </button>
            <button type="button" class="button button-secondary" onClick={props.onProgress}>
              See progress
            </button>
          </div>
          <ErrorNotice error={startError} onRetry={start} />
        </div>
      ) : null}
      <div ref={formRef}>
        {editing || adding || postings?.length === 0 ? (
          <PostingForm
            key={editing?.id ?? 'new'}
            posting={editing}
            onSaved={(p) => {
              setEditing(null);
              setAdding(false);
              props.onSaved(p);
            }}
            onCancel={
              postings?.length === 0
                ? undefined
                : () => {
                    setEditing(null);
                    setAdding(false);
                  }
            }
          />
        ) : postings ? (
          <button type="button" class="button button-secondary" onClick={add}>
            New job posting
          </button>
        ) : null}
      </div>
    </section>
  );
}

interface PostingFormProps {
  posting: JobPosting | null;
  onSaved: (posting: JobPosting) => void;
  /** Absent when there is nothing to go back to (no postings yet). */
  onCancel?: () => void;
}

function PostingForm({ posting, onSaved, onCancel }: PostingFormProps) {
  const [title, setTitle] = useState(posting?.title ?? '');
  const [company, setCompany] = useState(posting?.company ?? '');
  const [description, setDescription] = useState(posting?.description ?? '');
  const [techStack, setTechStack] = useState(posting?.tech_stack ?? '');
  const [level, setLevel] = useState(posting?.experience_level ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldErrorsOf(error);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const input: JobPostingInput = {
      title,
      company: company || null,
      description,
      tech_stack: techStack || null,
      experience_level: level || null,
    };
    try {
      const saved = posting
        ? await api.updatePosting(posting.id, input)
        : await api.createPosting(input);
      setTitle('');
      setCompany('');
      setDescription('');
      setTechStack('');
      setLevel('');
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="posting-form" onSubmit={submit} noValidate>
      <h3>{posting ? `Edit “${posting.title}”` : 'Add a job posting'}</h3>
      <Field label="Job title" value={title} onInput={setTitle} required error={fields.title} />
      <Field label="Company" value={company} onInput={setCompany} error={fields.company} />
      <Field
        label="Job description"
        multiline
        rows={6}
        value={description}
        onInput={setDescription}
        required
        hint="Paste the posting: responsibilities and requirements."
        error={fields.description}
      />
      <div class="field-row">
        <Field
          label="Tech stack"
          value={techStack}
          onInput={setTechStack}
          hint="For example: TypeScript, PostgreSQL"
          error={fields.tech_stack}
        />
        <Field
          label="Experience level"
          value={level}
          onInput={setLevel}
          hint="For example: senior"
          error={fields.experience_level}
        />
      </div>
      <ErrorNotice error={error} fieldsInline />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {posting ? 'Save job posting' : 'Add job posting'}
        </button>
        {onCancel ? (
          <button type="button" class="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
