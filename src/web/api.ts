import { getToken } from './auth-store.js';
import type {
  JobPosting,
  JobPostingInput,
  Message,
  Operation,
  Resume,
  Session,
  Token,
  User,
} from './types.js';

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

interface RequestOptions {
  method?: string;
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
  auth?: boolean;
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, form, signal, auth = true } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = auth ? getToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: form ?? (body !== undefined ? JSON.stringify(body) : undefined),
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      'The server could not be reached. Check your connection and try again.',
    );
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  throw toApiError(res, data, Boolean(token));
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

export const api = {
  register: (input: { email: string; password: string; full_name: string }) =>
    request<User>('/auth/register', { method: 'POST', body: input, auth: false }),
  login: (input: { email: string; password: string }) =>
    request<Token>('/auth/login', { method: 'POST', body: input, auth: false }),
  me: () => request<User>('/users/me'),

  getResume: () => request<Resume>('/users/me/resume'),
  saveResume: (content: string) =>
    request<Resume>('/users/me/resume', { method: 'PUT', body: { content } }),
  uploadResume: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<Resume>('/users/me/resume/file', { method: 'POST', form });
  },

  listPostings: () => request<JobPosting[]>('/job-postings'),
  createPosting: (input: JobPostingInput) =>
    request<JobPosting>('/job-postings', { method: 'POST', body: input }),
  updatePosting: (id: string, input: JobPostingInput) =>
    request<JobPosting>(`/job-postings/${id}`, { method: 'PATCH', body: input }),

  listSessions: () => request<Session[]>('/sessions'),
  getSession: (id: string) => request<Session>(`/sessions/${id}`),
  startSession: (jobPostingId: string) =>
    request<Session>('/sessions', { method: 'POST', body: { job_posting_id: jobPostingId } }),
  transition: (id: string, action: 'pause' | 'resume' | 'complete') =>
    request<Session>(`/sessions/${id}/${action}`, { method: 'POST' }),
  messages: (id: string) => request<Message[]>(`/sessions/${id}/messages`),
  answer: (id: string, content: string) =>
    request<Message>(`/sessions/${id}/answers`, { method: 'POST', body: { content } }),
  sessionOperations: (id: string) => request<Operation[]>(`/sessions/${id}/operations`),

  generateQuestion: (sessionId: string) =>
    request<Operation>(`/sessions/${sessionId}/generate-question`, { method: 'POST' }),
  /** Long-poll: answers when the operation is finished or after waitSeconds. */
  waitForOperation: (id: string, waitSeconds: number, signal?: AbortSignal) =>
    request<Operation>(`/operations/${id}?wait=${waitSeconds}`, { signal }),
};
