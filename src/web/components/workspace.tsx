import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { JobPosting, Session, User } from '../types.js';
import { ErrorNotice } from './error-notice.js';
import { InterviewPanel } from './interview-panel.js';
import { PastInterviews } from './past-interviews.js';
import { PostingsSection } from './postings-section.js';
import { ProgressPage } from './progress-page.js';
import { ResumeSection } from './resume-section.js';

// Which posting and interview were open, so a reload of the tab comes back to them.
const MEMORY_KEY = 'interview-practice.workspace';

interface Memory {
  postingId?: string | null;
  sessionId?: string | null;
}

function recall(): Memory {
  try {
    return JSON.parse(sessionStorage.getItem(MEMORY_KEY) ?? '{}') as Memory;
  } catch {
    return {};
  }
}

function remember(memory: Memory): void {
  try {
    sessionStorage.setItem(MEMORY_KEY, JSON.stringify(memory));
  } catch {
    // storage disabled
  }
}

export function clearWorkspaceMemory(): void {
  try {
    sessionStorage.removeItem(MEMORY_KEY);
  } catch {
    // storage disabled
  }
}

export type WorkspaceView = 'practice' | 'progress';

interface WorkspaceProps {
  user: User;
  hidden: boolean;
  view: WorkspaceView;
  onView: (view: WorkspaceView) => void;
}

export function Workspace({ user, hidden, view, onView }: WorkspaceProps) {
  const [postings, setPostings] = useState<JobPosting[] | null>(null);
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [postingId, setPostingId] = useState<string | null>(() => recall().postingId ?? null);
  const [sessionId, setSessionId] = useState<string | null>(() => recall().sessionId ?? null);
  const [loadError, setLoadError] = useState<unknown>(null);
  // A weak-areas interview asks its first question as soon as it opens.
  const [askFirstId, setAskFirstId] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);
  const interviewRef = useRef<HTMLElement>(null);

  async function load() {
    setLoadError(null);
    try {
      const [p, s] = await Promise.all([api.listPostings(), api.listSessions()]);
      setPostings(p);
      setSessions(s);
    } catch (err) {
      setLoadError(err);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  useEffect(() => remember({ postingId, sessionId }), [postingId, sessionId]);

  const session = sessions?.find((s) => s.id === sessionId) ?? null;
  const sessionPosting = postings?.find((p) => p.id === session?.job_posting_id) ?? null;

  /** Opens an interview; `askFirst` when it was just started to practise the weak areas. */
  function showInterview(id: string, askFirst = false) {
    setAskFirstId(askFirst ? id : null);
    onView('practice');
    setDeleted(false);
    setSessionId(id);
    // Wait for the panel to render the new interview, then bring it into view.
    requestAnimationFrame(() => {
      const heading = interviewRef.current?.querySelector<HTMLElement>('h2');
      heading?.focus();
      interviewRef.current?.scrollIntoView({ block: 'start' });
    });
  }

  function postingSaved(saved: JobPosting) {
    setPostings((list) => [saved, ...(list ?? []).filter((p) => p.id !== saved.id)]);
    setPostingId(saved.id);
  }

  function sessionStarted(created: Session, askFirst = false) {
    setSessions((list) => [created, ...(list ?? [])]);
    showInterview(created.id, askFirst);
  }

  function sessionChanged(changed: Session) {
    setSessions((list) => (list ?? []).map((s) => (s.id === changed.id ? changed : s)));
  }

  function practiseStarted(created: Session) {
    setPostingId(created.job_posting_id);
    sessionStarted(created, true);
  }

  function sessionDeleted(id: string) {
    setSessions((list) => (list ?? []).filter((s) => s.id !== id));
    setSessionId(null);
    setDeleted(true);
    requestAnimationFrame(() => interviewRef.current?.querySelector<HTMLElement>('h2')?.focus());
  }

  return (
    <>
      {view === 'progress' && !hidden ? (
        <ProgressPage
          postingId={postingId}
          onSelectPosting={setPostingId}
          onPractise={practiseStarted}
          onOpenInterview={(id) => showInterview(id)}
          onBack={() => onView('practice')}
        />
      ) : null}
      <main class="workspace" hidden={hidden || view === 'progress'}>
        <h1 class="visually-hidden">Interview practice for {user.full_name}</h1>
        <ErrorNotice error={loadError} onRetry={load} />
        <div class="columns">
          <div class="column">
            <ResumeSection />
            <PostingsSection
              postings={postings}
              selectedId={postingId}
              onSelect={setPostingId}
              onSaved={postingSaved}
              onStarted={(created) => sessionStarted(created)}
              onProgress={() => onView('progress')}
            />
          </div>
          <div class="column">
            <section class="card interview" aria-labelledby="interview-heading" ref={interviewRef}>
              {session ? (
                <InterviewPanel
                  key={session.id}
                  session={session}
                  posting={sessionPosting}
                  onChange={sessionChanged}
                  onDeleted={sessionDeleted}
                  askFirst={session.id === askFirstId}
                />
              ) : (
                <>
                  <h2 id="interview-heading" tabIndex={-1}>
                    Interview
                  </h2>
                  {deleted ? (
                    <p class="notice notice-success" role="status">
                      The interview was deleted.
                    </p>
                  ) : null}
                  <p class="empty">
                    Save your resume, add or pick a job posting, then press{' '}
                    <strong>Start interview</strong>.
                  </p>
                </>
              )}
            </section>
            <PastInterviews
              sessions={sessions}
              postings={postings}
              currentId={sessionId}
              onOpen={(id) => showInterview(id)}
            />
          </div>
        </div>
      </main>
    </>
  );
}
