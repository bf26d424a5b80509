import type { Database } from '../../platform/db/client.js';
import type { SessionStatus } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { JobPostingsService } from '../job-postings/job-postings.service.js';
import type { MessageRow, MessagesRepository } from './messages.repository.js';
import { eraseSessions } from './session-erasure.js';
import type { SessionRow, SessionsRepository } from './sessions.repository.js';

// The one transition table: active <-> paused; active or paused -> completed.
export const TRANSITIONS = {
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  complete: { from: ['active', 'paused'], to: 'completed' },
} as const satisfies Record<string, { from: readonly SessionStatus[]; to: SessionStatus }>;

export type SessionAction = keyof typeof TRANSITIONS;

export const notActive = (status: string): AppError =>
  new AppError(
    'SESSION_NOT_ACTIVE',
    `This interview is ${status}; only an active interview can take questions and answers.` +
      (status === 'paused' ? ' Resume it first.' : ''),
  );

interface SessionsDeps {
  /** Only for transactions; every statement goes through a repository. */
  db: Pick<Database, 'transaction'>;
  sessions: SessionsRepository;
  messages: MessagesRepository;
  jobPostings: JobPostingsService;
  /** Sessions one user may keep; 0: no limit. */
  maxPerUser: number;
}

export function createSessionsService({
  db,
  sessions,
  messages,
  jobPostings,
  maxPerUser,
}: SessionsDeps) {
  async function get(id: string, userId: string): Promise<SessionRow> {
    const session = await sessions.findById(id, userId);
    if (!session) throw notFound('SESSION_NOT_FOUND', 'Interview session');
    return session;
  }

  return {
    async create(userId: string, jobPostingId: string): Promise<SessionRow> {
      await jobPostings.get(jobPostingId, userId); // 404 for a missing or another user's posting
      const session = await sessions.insertCapped(userId, jobPostingId, maxPerUser);
      if (!session) {
        throw new AppError(
          'LIMIT_REACHED',
          `You have ${maxPerUser} interview sessions, the most one account can keep.`,
        );
      }
      return session;
    },
    listPage: sessions.listPage,
    get,

    /** Deletes the session with its transcript and operations; one in flight writes nothing. */
    async remove(id: string, userId: string): Promise<void> {
      const erased = await db.transaction((tx) => eraseSessions(tx, 'id', id, userId));
      if (erased === 0) throw notFound('SESSION_NOT_FOUND', 'Interview session');
    },

    async transition(id: string, userId: string, action: SessionAction): Promise<SessionRow> {
      const { from, to } = TRANSITIONS[action];
      const moved = await sessions.transition(id, userId, from, to);
      if (moved) return moved;
      const current = await get(id, userId);
      throw new AppError(
        'INVALID_STATUS_TRANSITION',
        `Cannot ${action} an interview that is ${current.status}.`,
      );
    },

    async listMessages(id: string, userId: string, take: number, afterSeq?: string) {
      await get(id, userId);
      return messages.listPage(id, take, afterSeq);
    },

    answer: (id: string, userId: string, content: string): Promise<MessageRow> =>
      db.transaction(async (tx) => {
        const status = await sessions.lockStatus(tx, id, userId);
        if (!status) throw notFound('SESSION_NOT_FOUND', 'Interview session');
        if (status !== 'active') throw notActive(status);
        const question = await messages.latestQuestion(tx, id);
        const stored =
          question && !question.answered
            ? await messages.insertAnswer(tx, id, question.id, content)
            : null;
        if (!stored) {
          throw new AppError(
            'NO_OPEN_QUESTION',
            'There is no unanswered question. Ask for the next question first.',
          );
        }
        return stored;
      }),
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
