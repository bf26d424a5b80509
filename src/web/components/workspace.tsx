import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { JobPosting, Session, User } from '../types.js';
import { ErrorNotice } from './error-notice.js';
import { InterviewPanel } from './interview-panel.js';
import { PastInterviews } from './past-interviews.js';
import { PostingsSection } from './postings-section.js';
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

interface WorkspaceProps {
  user: User;
  hidden: boolean;
}

export function Workspace({ user, hidden }: WorkspaceProps) {
  const [postings, setPostings] = useState<JobPosting[] | null>(null);
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [postingId, setPostingId] = useState<string | null>(() => recall().postingId ?? null);
  const [sessionId, setSessionId] = useState<string | null>(() => recall().sessionId ?? null);
  const [loadError, setLoadError] = useState<unknown>(null);
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

  function showInterview(id: string) {
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

  function sessionStarted(created: Session) {
    setSessions((list) => [created, ...(list ?? [])]);
    showInterview(created.id);
  }

  function sessionChanged(changed: Session) {
    setSessions((list) => (list ?? []).map((s) => (s.id === changed.id ? changed : s)));
  }

  return (
    <main class="workspace" hidden={hidden}>
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
            onStarted={sessionStarted}
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
              />
            ) : (
              <>
                <h2 id="interview-heading" tabIndex={-1}>
                  Interview
                </h2>
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
            onOpen={showInterview}
          />
        </div>
      </div>
    </main>
  );
}
