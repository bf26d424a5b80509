import { formatTime, QUESTION_TYPE_LABEL } from '../format.js';
import type { Message } from '../types.js';
import type { FeedbackState } from '../use-answer-feedback.js';
import { RetryAnswer } from './retry-answer.js';

interface TranscriptProps {
  messages: Message[] | null;
  /** While the interview is active: answer an answered question again. */
  onRetry?: (questionId: string, content: string) => Promise<void>;
  /** Each answer's feedback, when it may be shown. */
  stateOf?: (answerId: string) => FeedbackState;
}

interface Turn {
  message: Message;
  /** For an answer: which attempt at its question, and how many there are. */
  attempt?: { n: number; of: number };
  /** The newest answer to a question, after which it can be tried again. */
  last?: boolean;
}

/** Each question followed by its answers in the order given, whenever they were given. */
export function turnsOf(messages: Message[]): Turn[] {
  const answers = new Map<string, Message[]>();
  for (const m of messages) {
    if (m.role !== 'candidate' || !m.reply_to) continue;
    answers.set(m.reply_to, [...(answers.get(m.reply_to) ?? []), m]);
  }
  const questions = new Set(messages.filter((m) => m.role === 'interviewer').map((m) => m.id));
  const turns: Turn[] = [];
  for (const m of messages) {
    if (m.role === 'interviewer') {
      turns.push({ message: m });
      const given = answers.get(m.id) ?? [];
      given.forEach((a, i) =>
        turns.push({
          message: a,
          attempt: { n: i + 1, of: given.length },
          last: i === given.length - 1,
        }),
      );
    } else if (!m.reply_to || !questions.has(m.reply_to)) {
      turns.push({ message: m }); // its question is not in this page of the transcript
    }
  }
  return turns;
}

function scoreLabel(state: FeedbackState | undefined): string | null {
  if (state?.kind === 'ready') {
    const score = state.feedback.score;
    return score === null ? 'Not scored' : `${score} / 100`;
  }
  return state?.kind === 'waiting' ? 'Being evaluated' : null;
}

export function Transcript({ messages, onRetry, stateOf }: TranscriptProps) {
  return (
    <>
      {messages === null ? <p class="empty">Loading the transcript…</p> : null}
      {messages?.length === 0 ? <p class="empty">Nothing said yet.</p> : null}
      <ol class="transcript" aria-label="Transcript">
        {turnsOf(messages ?? []).map(({ message: m, attempt, last }) => {
          const score = m.role === 'candidate' ? scoreLabel(stateOf?.(m.id)) : null;
          return (
            <li key={m.id} class={`turn turn-${m.role}`}>
              <p class="turn-head">
                <span class="speaker">{m.role === 'interviewer' ? 'Interviewer' : 'You'}</span>
                {m.question_type ? (
                  <span class="badge badge-type">{QUESTION_TYPE_LABEL[m.question_type]}</span>
                ) : null}
                {attempt && attempt.of > 1 ? (
                  <span class="badge badge-attempt">
                    Attempt {attempt.n} of {attempt.of}
                  </span>
                ) : null}
                {score ? <span class="badge badge-attempt-score">{score}</span> : null}
                <time dateTime={m.created_at}>{formatTime(m.created_at)}</time>
              </p>
              <p class="turn-text" id={m.role === 'interviewer' ? `turn-${m.id}` : undefined}>
                {m.content}
              </p>
              {onRetry && last && m.reply_to ? (
                <RetryAnswer
                  questionTextId={`turn-${m.reply_to}`}
                  onSubmit={(content) => onRetry(m.reply_to!, content)}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
