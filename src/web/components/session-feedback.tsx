import { useRef } from 'preact/hooks';
import type { Message } from '../types.js';
import type { FeedbackState } from '../use-answer-feedback.js';
import { AnswerFeedback } from './answer-feedback.js';

interface FeedbackProps {
  messages: Message[];
  stateOf: (answerId: string) => FeedbackState;
  onRetry: (answerId: string) => void;
}

/** The newest answer's feedback, while the interview goes on. */
export function LatestFeedback({ messages, stateOf, onRetry }: FeedbackProps) {
  const answer = messages.filter((m) => m.role === 'candidate').at(-1);
  const headingRef = useRef<HTMLHeadingElement>(null);
  if (!answer) return null;
  // The alert holding the button goes away on retry; keep keyboard focus in this region.
  const retry = () => {
    headingRef.current?.focus();
    onRetry(answer.id);
  };
  return (
    <section class="answer-feedback" aria-label="Answer feedback">
      <h3 tabIndex={-1} ref={headingRef}>
        Feedback on your answer
      </h3>
      <AnswerFeedback state={stateOf(answer.id)} answer={answer.content} onRetry={retry} />
    </section>
  );
}

/** Every answer's feedback with its question, once the interview is over. */
export function AllFeedback({ messages, stateOf, onRetry }: FeedbackProps) {
  const pairs = messages.flatMap((m, i) => {
    if (m.role !== 'candidate') return [];
    const question = messages.slice(0, i).findLast((q) => q.role === 'interviewer');
    return [{ answer: m, question }];
  });
  if (pairs.length === 0) return null;
  return (
    <section class="all-feedback" aria-labelledby="all-feedback-heading">
      <h3 id="all-feedback-heading">Feedback on each answer</h3>
      <ol class="feedback-list">
        {pairs.map(({ answer, question }, n) => (
          <li key={answer.id}>
            <article aria-label={`Feedback on answer ${n + 1}`}>
              <h4>Answer {n + 1}</h4>
              {question ? <p class="question-text">{question.content}</p> : null}
              <AnswerFeedback
                state={stateOf(answer.id)}
                answer={answer.content}
                onRetry={() => onRetry(answer.id)}
              />
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
