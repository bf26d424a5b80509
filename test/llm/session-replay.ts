// Replays a practice session against a generator: ask, record, answer from the profile,
// repeat. Shared by the generator tests and the eval script.
import type {
  GeneratedQuestion,
  QuestionGenerator,
  TranscriptEntry,
} from '../../src/llm/generator.js';
import type { Profile } from '../fixtures/profiles/index.js';

export interface ReplayedQuestion extends GeneratedQuestion {
  ms: number;
}

export async function replaySession(
  generator: QuestionGenerator,
  profile: Profile,
  count: number,
  options: { withResume?: boolean } = {},
): Promise<ReplayedQuestion[]> {
  const transcript: TranscriptEntry[] = [];
  const questions: ReplayedQuestion[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const question = await generator.generate(
      {
        jobPosting: profile.jobPosting,
        resume: options.withResume === false ? null : profile.resume,
        transcript: [...transcript],
      },
      { signal: new AbortController().signal },
    );
    questions.push({ ...question, ms: performance.now() - started });
    transcript.push({
      role: 'interviewer',
      content: question.questionText,
      questionType: question.questionType,
    });
    transcript.push({
      role: 'candidate',
      content: profile.answers[i % profile.answers.length] ?? '',
      questionType: null,
    });
  }
  return questions;
}

/** The texts a question may cite, and the context (title, company) that does not count. */
export function sourcesOf(
  profile: Profile,
  withResume = true,
): { sources: string[]; context: string } {
  const { jobPosting: posting } = profile;
  const sources = [
    posting.description,
    posting.techStack ?? '',
    posting.experienceLevel ?? '',
    ...(withResume && profile.resume ? [profile.resume] : []),
  ];
  return { sources, context: `${posting.title} ${posting.company ?? ''}` };
}
