import type { Database, Queryable } from '../../platform/db/client.js';
import type { SessionFocus, SessionStatus } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { JobPostingsService } from '../job-postings/job-postings.service.js';
import type { EvaluationQueue } from '../operations/evaluation-queue.service.js';
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

/** Answers one question may take, the first included. */
export const MAX_ATTEMPTS = 5;

export const notActive = (status: string): AppError =>
  new AppError(
    'SESSION_NOT_ACTIVE',
    `This interview is ${status}; only an active interview can take questions and answers.` +
      (status === 'paused' ? ' Resume it first.' : ''),
  );

interface SessionsDeps {
  /** Only for transactions; every statement goes through a repository. */
  db: Pick<Database, 'transaction'>;
  /** Creates an answer's feedback and a completion's report in the caller's transaction. */
  evaluations: EvaluationQueue;
  sessions: SessionsRepository;
  messages: MessagesRepository;
  jobPostings: JobPostingsService;
  /** Sessions one user may keep; 0: no limit. */
  maxPerUser: number;
}

export function createSessionsService({
  db,
  evaluations,
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

  async function notMoved(id: string, userId: string, action: SessionAction): Promise<never> {
    const current = await get(id, userId);
    throw new AppError(
      'INVALID_STATUS_TRANSITION',
      `Cannot ${action} an interview that is ${current.status}.`,
    );
  }

  async function openQuestion(tx: Queryable, sessionId: string): Promise<string> {
    const question = await messages.latestQuestion(tx, sessionId);
    if (question && !question.answered) return question.id;
    throw new AppError(
      'NO_OPEN_QUESTION',
      'There is no unanswered question. Ask for the next question first.',
    );
  }

  async function attemptable(tx: Queryable, sessionId: string, questionId: string) {
    const question = await messages.questionAttempts(tx, sessionId, questionId);
    if (!question) throw notFound('MESSAGE_NOT_FOUND', 'Question');
    if (question.attempts >= MAX_ATTEMPTS) {
      throw new AppError(
        'TOO_MANY_ATTEMPTS',
        `This question has been answered ${MAX_ATTEMPTS} times, the most one question takes.`,
      );
    }
    return question.id;
  }

  return {
    async create(
      userId: string,
      jobPostingId: string,
      focus: SessionFocus = 'all',
    ): Promise<SessionRow> {
      await jobPostings.get(jobPostingId, userId); // 404 for a missing or another user's posting
      const session = await sessions.insertCapped(userId, jobPostingId, maxPerUser, focus);
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
      return notMoved(id, userId, action);
    },

    /** Completes the interview and, when it has an answer, creates its report in the same transaction. */
    async complete(
      id: string,
      userId: string,
    ): Promise<{ session: SessionRow; reportOperationId: string | null }> {
      const { from, to } = TRANSITIONS.complete;
      const done = await db.transaction(async (tx) => {
        const session = await sessions.transitionWithin(tx, id, userId, from, to);
        if (!session) return null;
        return { session, reportOperationId: await evaluations.reportWithin(tx, userId, id) };
      });
      if (!done) return notMoved(id, userId, 'complete');
      evaluations.created(done.reportOperationId ? 1 : 0);
      return done;
    },

    /** The session and its questions with their answers as they stood at `until` (a report's time). */
    async transcriptUntil(id: string, userId: string, until: Date, maxQuestions: number) {
      const session = await get(id, userId);
      const rows = await messages.transcriptUntil(id, until, maxQuestions);
      const answers = new Map<string, { id: string; content: string; created_at: Date }[]>();
      for (const a of rows) {
        if (a.role !== 'candidate' || !a.reply_to) continue;
        answers.set(a.reply_to, [...(answers.get(a.reply_to) ?? []), a]);
      }
      const questions = rows
        .filter((m) => m.role === 'interviewer')
        .map((q) => ({
          id: q.id,
          content: q.content,
          question_type: q.question_type,
          requirement: (q.focus as { requirement?: string | null } | null)?.requirement ?? null,
          answers: (answers.get(q.id) ?? []).map(({ id, content, created_at }) => ({
            id,
            content,
            created_at,
          })),
        }));
      return { session, questions };
    },

    async listMessages(id: string, userId: string, take: number, afterSeq?: string) {
      await get(id, userId);
      return messages.listPage(id, take, afterSeq);
    },

    /**
     * Answers the newest open question or, with `questionId`, an earlier question again (a new
     * attempt, capped so that answering again cannot buy unbounded evaluations).
     */
    async answer(
      id: string,
      userId: string,
      content: string,
      questionId?: string,
    ): Promise<AnsweredMessage> {
      const stored = await db.transaction(async (tx) => {
        const status = await sessions.lockStatus(tx, id, userId);
        if (!status) throw notFound('SESSION_NOT_FOUND', 'Interview session');
        if (status !== 'active') throw notActive(status);
        const target = questionId
          ? await attemptable(tx, id, questionId)
          : await openQuestion(tx, id);
        const answer = await messages.insertAnswer(tx, id, target, content);
        // The answer and its evaluation commit together: no answer is left without one.
        const feedbackOperationId = await evaluations.feedbackWithin(tx, userId, id, answer.id);
        return { ...answer, feedback_operation_id: feedbackOperationId };
      });
      evaluations.created(1);
      return stored;
    },
  };
}

export type AnsweredMessage = MessageRow & { feedback_operation_id: string };

export type SessionsService = ReturnType<typeof createSessionsService>;
