import { describe, expect, it } from 'vitest';
import {
  GenerationError,
  type GenerationInput,
  type TranscriptEntry,
} from '../../src/llm/generator.js';
import { citedTerms } from '../support/grounding.js';
import { createQuestionGenerator } from '../../src/llm/index.js';
import { isNearDuplicate } from '../../src/llm/plan/near-duplicate.js';
import {
  composeQuestion,
  createOfflineGenerator,
} from '../../src/llm/offline/offline-generator.js';
import { PROFILES } from '../fixtures/profiles/index.js';
import { nurse } from '../fixtures/profiles/nurse.js';
import { teacher } from '../fixtures/profiles/teacher.js';
import { replaySession, sourcesOf } from './session-replay.js';

const generator = createOfflineGenerator();
const SOFTWARE_WORDS =
  /\b(?:software|code|coding|programming|deploy\w*|api|database|debug\w*|git|repository|microservices?|typescript|javascript|backend|frontend|kubernetes|sql|devops|tech stack|codebase|pull request)\b/i;

describe.each(PROFILES)('offline generator, $id profile', (profile) => {
  it('cites a term of the posting or the resume in every question', async () => {
    const questions = await replaySession(generator, profile, 10);
    const { sources, context } = sourcesOf(profile);
    for (const question of questions) {
      expect(
        citedTerms(question.questionText, sources, context),
        question.questionText,
      ).not.toEqual([]);
    }
  });

  it('asks 10 distinct questions of at least 3 types in one session', async () => {
    const questions = await replaySession(generator, profile, 10);
    const texts = questions.map((q) => q.questionText);
    texts.forEach((text, i) => expect(isNearDuplicate(text, texts.slice(0, i)), text).toBe(false));
    expect(new Set(questions.map((q) => q.questionType)).size).toBeGreaterThanOrEqual(3);
  });

  it('names the posting requirement it targets, in words taken from the posting', async () => {
    const questions = await replaySession(generator, profile, 8);
    for (const { focus, questionText } of questions) {
      expect(focus.requirement).not.toBeNull();
      expect(questionText).toContain(focus.requirement);
      expect(citedTerms(focus.requirement ?? '', sourcesOf(profile, false).sources)).not.toEqual(
        [],
      );
    }
  });

  it('is deterministic for the same inputs', async () => {
    const first = await replaySession(generator, profile, 6);
    const second = await replaySession(generator, profile, 6);
    expect(second.map((q) => q.questionText)).toEqual(first.map((q) => q.questionText));
  });

  it('without a resume asks job-only questions and says so in the focus', async () => {
    const questions = await replaySession(generator, profile, 6, { withResume: false });
    const { sources, context } = sourcesOf(profile, false);
    for (const { questionText, focus } of questions) {
      expect(questionText).not.toMatch(/resume/i);
      expect(focus.evidence).toBeNull();
      expect(focus.summary).toMatch(/no resume/i);
      expect(citedTerms(questionText, sources, context)).not.toEqual([]);
    }
  });
});

describe('offline generator, plan', () => {
  const input = (transcript: TranscriptEntry[]): GenerationInput => ({
    jobPosting: teacher.jobPosting,
    resume: teacher.resume,
    transcript,
  });
  const ask = (content: string): TranscriptEntry => ({
    role: 'interviewer',
    content,
    questionType: 'technical',
  });
  const answer = (content: string): TranscriptEntry => ({
    role: 'candidate',
    content,
    questionType: null,
  });

  it('keeps a nurse interview free of software vocabulary', async () => {
    const questions = await replaySession(generator, nurse, 10);
    for (const { questionText } of questions) expect(questionText).not.toMatch(SOFTWARE_WORDS);
  });

  it('follows up on a short last answer, quoting it', () => {
    const first = composeQuestion(input([]));
    const next = composeQuestion(
      input([ask(first.questionText), answer('I plan lessons carefully.')]),
    );
    expect(next.questionText).toMatch(/I plan lessons carefully|go a little deeper/);
    expect(next.focus.summary).toMatch(/follow-up on a short answer/i);
    expect(next.focus.requirement).toBe(first.focus.requirement);
  });

  it('after "I don\'t know" asks for the nearest experience and never quotes the refusal', () => {
    const first = composeQuestion(input([]));
    for (const refusal of ["I don't know.", 'No idea, sorry.', "Pass, I can't think of one."]) {
      const next = composeQuestion(input([ask(first.questionText), answer(refusal)]));
      expect(next.focus.summary).toMatch(/follow-up on an answer that passed/i);
      expect(next.focus.requirement).toBe(first.focus.requirement);
      expect(next.questionText).not.toContain(refusal.replace(/[.,].*$/, ''));
      expect(next.questionText).not.toMatch(/You said|When you say/);
    }
  });

  it('follows up on a vague answer but not twice in a row', () => {
    const vague = 'It depends on the class, I guess, and the kind of stuff going on that week.';
    const first = composeQuestion(input([]));
    const followUp = composeQuestion(input([ask(first.questionText), answer(vague)]));
    expect(followUp.focus.summary).toMatch(/follow-up on a vague answer/i);
    const after = composeQuestion(
      input([
        ask(first.questionText),
        answer(vague),
        ask(followUp.questionText),
        answer('Not sure.'),
      ]),
    );
    expect(after.focus.summary).not.toMatch(/follow-up/i);
  });

  it('moves on to a requirement the session has not covered', () => {
    const first = composeQuestion(input([]));
    const long =
      'I start from a phenomenon, let students ask questions, then groups design a test; exit tickets tell me who needs a reteach the next morning.';
    const second = composeQuestion(input([ask(first.questionText), answer(long)]));
    expect(second.focus.requirement).not.toBe(first.focus.requirement);
  });

  it('never repeats a question of the session, even with different case and punctuation', () => {
    const natural = composeQuestion(input([]));
    const disguised = natural.questionText.toUpperCase().replace(/[?,.:]/g, ' ! ');
    const transcript = [
      ask(disguised),
      answer(
        'A long and concrete answer about 3 classes I taught, for example a lab on density with 28 students.',
      ),
    ];
    const next = composeQuestion({ ...input(transcript), wantedType: natural.questionType });
    expect(isNearDuplicate(next.questionText, [natural.questionText])).toBe(false);
  });

  it('honours the wanted type', () => {
    for (const wantedType of ['technical', 'behavioral', 'situational', 'experience'] as const) {
      expect(composeQuestion({ ...input([]), wantedType }).questionType).toBe(wantedType);
    }
  });

  it('works on a prose posting from yet another trade', () => {
    const posting = {
      title: 'Line Cook',
      company: 'Harbor Bistro',
      techStack: null,
      experienceLevel: null,
      description:
        'We are a busy seafood bistro serving 200 covers a night. You will prep and cook on the grill and sauté stations, keep your station clean to health code standards, and follow recipes and plating guides exactly. Knowledge of knife skills, allergen handling and FIFO stock rotation is expected. Ability to work weekends and holidays.',
    };
    const question = composeQuestion({ jobPosting: posting, resume: null, transcript: [] });
    expect(
      citedTerms(question.questionText, [posting.description], 'Line Cook Harbor Bistro'),
    ).not.toEqual([]);
  });

  it('is what the service gets by default, named so start-up can say so', () => {
    const chosen = createQuestionGenerator({
      provider: 'offline',
      apiKey: undefined,
      baseUrl: undefined,
      model: 'gpt-4o-mini',
      timeoutMs: 10_000,
    });
    expect(chosen.name).toBe('offline');
  });

  it('fails with a classified error when the signal has already fired', async () => {
    const timedOut = AbortSignal.abort(new DOMException('budget spent', 'TimeoutError'));
    const cancelled = AbortSignal.abort();
    const call = (signal: AbortSignal) => generator.generate(input([]), { signal });
    await expect(call(timedOut)).rejects.toMatchObject({ kind: 'timeout', transient: true });
    await expect(call(cancelled)).rejects.toBeInstanceOf(GenerationError);
    await expect(call(cancelled)).rejects.toMatchObject({ kind: 'aborted', transient: false });
  });
});
