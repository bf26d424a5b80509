import { api as request } from '../../support/server-process.js';

// The API over HTTP from the test process, to set up what a browser test starts from when the
// UI path to it is covered by another test.

export interface HttpApi {
  token: string;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** Long-polls an operation until it has ended; throws when it failed. */
  finish(operationId: string): Promise<{ result: unknown }>;
}

interface Operation {
  status: string;
  result: unknown;
  error_message: string | null;
}

async function send<T>(
  base: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await request(base, method, `/api/v1${path}`, body, token ?? undefined);
  if (res.status >= 400) {
    throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.json)}`);
  }
  return (res.json ?? null) as T;
}

/** Registers and logs in a user; answers a client that calls the API as them. */
export async function signUpByApi(base: string, email: string): Promise<HttpApi> {
  const password = 'correct horse battery';
  await send(base, null, 'POST', '/auth/register', { email, password, full_name: 'Ada Lovelace' });
  const { access_token: token } = await send<{ access_token: string }>(
    base,
    null,
    'POST',
    '/auth/login',
    {
      email,
      password,
    },
  );
  const call = <T>(method: string, path: string, body?: unknown) =>
    send<T>(base, token, method, path, body);
  return {
    token,
    call,
    async finish(operationId) {
      for (;;) {
        const op = await call<Operation>('GET', `/operations/${operationId}?wait=10`);
        if (op.status === 'failed') throw new Error(`operation failed: ${op.error_message}`);
        if (op.status === 'completed') return op;
      }
    },
  };
}

/**
 * One interview: each answer to the next generated question, each evaluated, then completed
 * with its report built. Answers the session id.
 */
export async function seedInterview(
  api: HttpApi,
  postingId: string,
  answers: string[],
): Promise<string> {
  const session = await api.call<{ id: string }>('POST', '/sessions', {
    job_posting_id: postingId,
  });
  for (const content of answers) {
    const op = await api.call<{ id: string }>('POST', `/sessions/${session.id}/generate-question`);
    await api.finish(op.id);
    const answer = await api.call<{ feedback_operation_id: string }>(
      'POST',
      `/sessions/${session.id}/answers`,
      { content },
    );
    await api.finish(answer.feedback_operation_id);
  }
  const done = await api.call<{ report_operation_id: string }>(
    'POST',
    `/sessions/${session.id}/complete`,
  );
  await api.finish(done.report_operation_id);
  return session.id;
}
