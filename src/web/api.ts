import createClient from 'openapi-fetch';
import type { paths } from './api-schema.js';
import { getToken } from './auth-store.js';
import type { Body, JobPostingInput, SessionFocusChoice } from './types.js';

export interface FieldError {
  field: string;
  message: string;
}

/** An API failure in words a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** Seconds to wait before retrying (429 Retry-After). */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let onUnauthorized: () => void = () => undefined;

/** Called when a request made with a token is refused: the login has expired. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

// Typed by the service's own OpenAPI document: a path, a parameter or a body that the
// service does not have is a compile error.
const client = createClient<paths>({ fetch: (request) => globalThis.fetch(request) });
client.use({
  onRequest({ request, schemaPath }) {
    // Logging in needs no token; logging out is done with the one being ended.
    const open = schemaPath === '/api/v1/auth/register' || schemaPath === '/api/v1/auth/login';
    const token = open ? null : getToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    request.headers.set('Accept', 'application/json');
    return request;
  },
});

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful answer, or an ApiError. */
async function call<T>(
  send: () => Promise<Outcome<T>>,
  { signal, auth = true }: { signal?: AbortSignal; auth?: boolean } = {},
): Promise<T> {
  const hadToken = auth && getToken() !== null;
  let outcome: Outcome<T>;
  try {
    outcome = await send();
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      'The server could not be reached. Check your connection and try again.',
    );
  }
  const { response } = outcome;
  if (response.ok) return outcome.data as T;
  throw toApiError(response, outcome.error, hadToken);
}

function toApiError(res: Response, data: unknown, hadToken: boolean): ApiError {
  const detail = (data as { detail?: { code?: string; message?: string; errors?: FieldError[] } })
    ?.detail;
  if (res.status === 401 && hadToken) onUnauthorized();
  const retryAfter = Number(res.headers.get('Retry-After'));
  return new ApiError(
    res.status,
    detail?.code ?? `HTTP_${res.status}`,
    detail?.message ?? `The server answered ${res.status}. Please try again.`,
    detail?.errors ?? [],
    res.status === 429 && Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

/** The file name the server gave an attachment, or a fallback. */
function attachmentName(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  return /filename="([^"]{1,200})"/.exec(disposition)?.[1] ?? fallback;
}

/** A file answer (parsed as a blob) with the name the server gave it. */
function download(send: () => Promise<Outcome<Blob>>, fallbackName: string) {
  return call(async () => {
    const outcome = await send();
    const file = outcome.data
      ? { blob: outcome.data, name: attachmentName(outcome.response, fallbackName) }
      : undefined;
    return { ...outcome, data: file };
  });
}

const byId = (id: string) => ({ params: { path: { id } } });

export const api = {
  register: (body: { email: string; password: string; full_name: string }) =>
    call(() => client.POST('/api/v1/auth/register', { body }), { auth: false }),
  login: (body: { email: string; password: string }) =>
    call(() => client.POST('/api/v1/auth/login', { body }), { auth: false }),
  me: () => call(() => client.GET('/api/v1/users/me')),
  logout: () => call(() => client.POST('/api/v1/auth/logout')),
  logoutEverywhere: () => call(() => client.POST('/api/v1/auth/logout-all')),
  changePassword: (body: { current_password: string; new_password: string }) =>
    call(() => client.PUT('/api/v1/users/me/password', { body })),
  deleteAccount: (password: string) =>
    call(() => client.DELETE('/api/v1/users/me', { body: { password } })),
  /** Everything stored about me, as the file the server names. */
  exportData: () =>
    download(() => client.GET('/api/v1/users/me/export', { parseAs: 'blob' }), 'my-data.json'),

  getModel: () => call(() => client.GET('/api/v1/users/me/llm')),
  saveModel: (body: Body<'/api/v1/users/me/llm', 'put'>) =>
    call(() => client.PUT('/api/v1/users/me/llm', { body })),
  forgetModel: () => call(() => client.DELETE('/api/v1/users/me/llm')),
  testModel: () => call(() => client.POST('/api/v1/users/me/llm/test')),

  getResume: () => call(() => client.GET('/api/v1/users/me/resume')),
  saveResume: (content: string) =>
    call(() => client.PUT('/api/v1/users/me/resume', { body: { content } })),
  uploadResume: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return call(() =>
      client.POST('/api/v1/users/me/resume/file', {
        body: form as unknown as { file: string },
        bodySerializer: (body) => body as unknown as FormData,
      }),
    );
  },

  listPostings: () => call(() => client.GET('/api/v1/job-postings')),
  createPosting: (body: JobPostingInput) =>
    call(() => client.POST('/api/v1/job-postings', { body })),
  updatePosting: (id: string, body: JobPostingInput) =>
    call(() => client.PATCH('/api/v1/job-postings/{id}', { ...byId(id), body })),

  listSessions: () => call(() => client.GET('/api/v1/sessions')),
  getSession: (id: string) => call(() => client.GET('/api/v1/sessions/{id}', byId(id))),
  startSession: (jobPostingId: string, focus: SessionFocusChoice = 'all') =>
    call(() => client.POST('/api/v1/sessions', { body: { job_posting_id: jobPostingId, focus } })),
  deleteSession: (id: string) => call(() => client.DELETE('/api/v1/sessions/{id}', byId(id))),
  transition: (id: string, action: 'pause' | 'resume' | 'complete') =>
    call(() => client.POST(`/api/v1/sessions/{id}/${action}`, byId(id))),
  messages: (id: string) => call(() => client.GET('/api/v1/sessions/{id}/messages', byId(id))),
  /** Answers the open question or, with `questionId`, an earlier one again. */
  answer: (id: string, content: string, questionId?: string) =>
    call(() =>
      client.POST('/api/v1/sessions/{id}/answers', {
        ...byId(id),
        body: { content, question_message_id: questionId },
      }),
    ),
  sessionOperations: (id: string) =>
    call(() => client.GET('/api/v1/sessions/{id}/operations', byId(id))),

  sessionFeedback: (id: string) =>
    call(() => client.GET('/api/v1/sessions/{id}/feedback', byId(id))),
  retryFeedback: (id: string, messageId: string) =>
    call(() =>
      client.POST('/api/v1/sessions/{id}/answers/{message_id}/feedback', {
        params: { path: { id, message_id: messageId } },
      }),
    ),
  getReport: (id: string) => call(() => client.GET('/api/v1/sessions/{id}/report', byId(id))),
  requestReport: (id: string) => call(() => client.POST('/api/v1/sessions/{id}/report', byId(id))),
  /** The newest report as a document, as the file the server names. */
  downloadReport: (id: string, format: 'md' | 'pdf') =>
    format === 'md'
      ? download(
          () => client.GET('/api/v1/sessions/{id}/report.md', { ...byId(id), parseAs: 'blob' }),
          'interview-report.md',
        )
      : download(
          () => client.GET('/api/v1/sessions/{id}/report.pdf', { ...byId(id), parseAs: 'blob' }),
          'interview-report.pdf',
        ),

  postingProgress: (postingId: string) =>
    call(() => client.GET('/api/v1/job-postings/{id}/progress', byId(postingId))),
  progressOverview: () => call(() => client.GET('/api/v1/progress')),

  generateQuestion: (sessionId: string) =>
    call(() => client.POST('/api/v1/sessions/{id}/generate-question', byId(sessionId))),
  /** Long-poll: answers when the operation is finished or after waitSeconds. */
  waitForOperation: (id: string, waitSeconds: number, signal?: AbortSignal) =>
    call(
      () =>
        client.GET('/api/v1/operations/{id}', {
          params: { path: { id }, query: { wait: waitSeconds } },
          signal,
        }),
      { signal },
    ),
};
