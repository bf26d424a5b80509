import { describe, expect, it } from 'vitest';
import type { GenerationInput, QuestionType, TranscriptEntry } from '../../src/llm/generator.js';
import { analysePosting } from '../../src/llm/analysis/posting-analysis.js';
import { weakAnswerReason } from '../../src/llm/plan/follow-up.js';
import { planNextQuestion } from '../../src/llm/plan/question-plan.js';
import { nurse } from '../fixtures/profiles/nurse.js';

const requirements = analysePosting(nurse.jobPosting).requirements;
const input = (transcript: TranscriptEntry[], wantedType?: QuestionType): GenerationInput => ({
  jobPosting: nurse.jobPosting,
  resume: nurse.resume,
  transcript,
  ...(wantedType ? { wantedType } : {}),
});
const ask = (content: string, questionType: QuestionType): TranscriptEntry => ({
  role: 'interviewer',
  content,
  questionType,
});
const answer = (content: string): TranscriptEntry => ({
  role: 'candidate',
  content,
  questionType: null,
});
const DETAILED =
  'On my unit we had 3 heparin errors in a quarter, so I rebuilt the checklist with pharmacy and trained 20 nurses; errors dropped to zero.';

describe('question plan', () => {
  it('rotates through all four types before repeating one', () => {
    const transcript: TranscriptEntry[] = [];
    const types: QuestionType[] = [];
    for (let i = 0; i < 8; i += 1) {
      const { type } = planNextQuestion(input(transcript), requirements);
      types.push(type);
      transcript.push(ask(`Question ${i}`, type), answer(DETAILED));
    }
    expect(new Set(types.slice(0, 4)).size).toBe(4);
    expect(types.slice(4)).toEqual(types.slice(0, 4));
  });

  it('lets the caller choose the type', () => {
    expect(planNextQuestion(input([], 'situational'), requirements).type).toBe('situational');
  });

  it('marks requirements cited by earlier questions as covered', () => {
    const first = requirements[0]!;
    const plan = planNextQuestion(
      input([ask(`Tell me about ${first.text}.`, 'experience')]),
      requirements,
    );
    expect(plan.covered).toContain(first);
    expect(plan.uncovered).not.toContain(first);
    expect(plan.uncovered[0]).toBe(requirements[1]);
  });

  it('plans a follow-up on a short answer, about the same requirement and type', () => {
    const first = requirements[1]!;
    const transcript = [
      ask(`How do you approach ${first.text}?`, 'technical'),
      answer('I follow the protocol.'),
    ];
    const plan = planNextQuestion(input(transcript), requirements);
    expect(plan.followUp).toMatchObject({ reason: 'short', requirement: first });
    expect(plan.type).toBe('technical');
  });

  it('does not follow up on an unanswered question or a detailed answer', () => {
    expect(planNextQuestion(input([ask('Q?', 'technical')]), requirements).followUp).toBeNull();
    const detailed = [ask('Q?', 'technical'), answer(DETAILED)];
    expect(planNextQuestion(input(detailed), requirements).followUp).toBeNull();
  });

  it('tells short, vague and concrete answers apart', () => {
    expect(weakAnswerReason('Yes.')).toBe('short');
    expect(
      weakAnswerReason(
        'Honestly it depends, I guess it is about communication and stuff like that with the team, we kind of figure it out.',
      ),
    ).toBe('vague');
    expect(weakAnswerReason(DETAILED)).toBeNull();
  });
});
