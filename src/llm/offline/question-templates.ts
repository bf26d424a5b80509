// The offline generator's phrasings, by question type. Each cites the requirement it is
// about and, when the resume offers it, the candidate's own evidence. A template returns
// null when a slot it needs is missing, and the generator moves on to the next one.
// Words here must suit any trade: no template may assume an office, a codebase or a ward.

import type { Evidence, RequirementKind } from '../analysis/types.js';
import { evidenceSentence } from '../plan/resume-quotes.js';
import type { QuestionType } from '../plan/types.js';

export interface QuestionSlots {
  requirement: string;
  /** Decides the grammar: a duty is done, knowledge is used, a trait is shown. */
  kind: RequirementKind;
  secondRequirement: string | null;
  evidence: Evidence | null;
  /** The candidate's most recent role, from the resume. */
  role: string | null;
  /** The posting title without its qualifiers: "Registered Nurse". */
  shortTitle: string;
  /** " at Riverside General Hospital", or "" when the posting names no company. */
  at: string;
  /** "senior", "manager", ... when the posting states a seniority. */
  seniority: string | null;
}

export type Template = (s: QuestionSlots) => string | null;

const withEvidence = (s: QuestionSlots, rest: string): string | null => {
  const sentence = evidenceSentence(s.evidence);
  return sentence ? `${sentence} ${rest}` : null;
};

const isTrait = (s: QuestionSlots): boolean => s.kind === 'trait';

/** Where trouble starts: "while you are designing REST APIs", or "with our order service". */
function troubleSpot(s: QuestionSlots): string {
  // "owning X" is a standing duty, not an activity: trouble comes with X itself.
  const owned = /^owning\s+(.+)$/.exec(s.requirement)?.[1];
  if (owned) return `something goes wrong with ${owned}`;
  if (s.kind === 'duty') return `something goes wrong while you are ${s.requirement}`;
  return `a problem comes up that hinges on ${s.requirement}`;
}

export const TEMPLATES: Record<QuestionType, Template[]> = {
  experience: [
    (s) =>
      withEvidence(
        s,
        `What was your own part in that, and how would it carry over to ${s.requirement} in this role?`,
      ),
    (s) => {
      if (!s.role) return null;
      return isTrait(s)
        ? `In your time as ${s.role}, when was ${s.requirement} really put to the test? Take me through one example from start to finish.`
        : `In your time as ${s.role}, where did you deal with ${s.requirement}? Take me through one example from start to finish.`;
    },
    (s) =>
      `The posting puts weight on ${s.requirement}. What have you done that comes closest, and what did you learn from it?`,
    (s) =>
      isTrait(s)
        ? null
        : `What hands-on experience do you have with ${s.requirement}? Pick the example you know best and walk me through it.`,
  ],
  technical: [
    (s) =>
      s.kind === 'duty'
        ? `The role involves ${s.requirement}. How would you approach that${s.at}, step by step, and what would you check first?`
        : `The posting asks for ${s.requirement}. Where would you expect to use that most in this role${s.at}, and what would you check first?`,
    (s) =>
      s.kind === 'duty'
        ? `When it comes to ${s.requirement}, what separates doing it well from doing it adequately, and which mistakes do you watch for most closely?`
        : `When it comes to ${s.requirement}, what separates someone who really knows it from someone who has only read about it, and which mistakes do you watch for most closely?`,
    (s) =>
      withEvidence(
        s,
        `What did you need to know to do that well, and how would you apply the same knowledge to ${s.requirement}${s.at}?`,
      ),
    (s) =>
      s.kind === 'duty'
        ? `If a new colleague asked you what matters most in ${s.requirement}, what would you tell them are the essential steps, and why does each one matter?`
        : `If a new colleague asked you what matters most about ${s.requirement}, what would you tell them first, and why?`,
    (s) =>
      s.secondRequirement
        ? `How do ${s.requirement} and ${s.secondRequirement} fit together in practice, and where do they pull against each other?`
        : null,
  ],
  behavioral: [
    (s) =>
      s.evidence?.clause
        ? withEvidence(
            s,
            `Tell me about a moment in that work when things did not go to plan, and what you did about it. How does it relate to ${s.requirement}?`,
          )
        : null,
    (s) =>
      isTrait(s)
        ? `Tell me about a time when ${s.requirement} was genuinely hard for you. What made it hard, and how did you handle it?`
        : `Tell me about a time when ${s.requirement} turned out harder than you expected. What made it hard, and how did you handle it?`,
    (s) =>
      isTrait(s)
        ? null
        : `Describe a situation where someone disagreed with your approach to ${s.requirement}. How did you resolve it, and what was the outcome?`,
    (s) =>
      s.role && !isTrait(s)
        ? `Think back to your time as ${s.role}. Tell me about a decision involving ${s.requirement} that you are proud of, and one you would make differently now.`
        : null,
    (s) =>
      `Give me an example of feedback you received about ${s.requirement}. What did you change afterwards?`,
  ],
  situational: [
    (s) =>
      isTrait(s)
        ? `Picture the busiest moment of the week in your first month as the new ${s.shortTitle}${s.at}. What would ${s.requirement} look like from you then, and how would your colleagues notice it?`
        : `Imagine it is your first month as the new ${s.shortTitle}${s.at}, and ${troubleSpot(s)} at the busiest moment of the week. What do you do first, and who do you involve?`,
    (s) =>
      s.secondRequirement && s.kind === 'duty'
        ? `Suppose ${s.requirement} and ${s.secondRequirement} both need your attention this week, and you only have time to do one of them well. How do you decide, and who do you tell?`
        : null,
    (s) =>
      isTrait(s)
        ? null
        : `Say you discover that the team's approach to ${s.requirement} falls short of what you would expect. What would you do in your first two weeks?`,
    (s) =>
      s.seniority && !isTrait(s)
        ? `You would be joining at the ${s.seniority} level. How would you bring a less experienced colleague up to speed on ${s.requirement}?`
        : null,
    (s) =>
      isTrait(s)
        ? null
        : withEvidence(
            s,
            `Suppose what worked there would not carry over as it is, because things work differently${s.at}. How would you adapt it for ${s.requirement}?`,
          ),
  ],
};

/** Credentials (a licence, a certificate) are asked about as held, not as a task to approach. */
export const CREDENTIAL_TEMPLATES: Template[] = [
  (s) =>
    `The posting requires ${s.requirement}. Tell me about yours: when did you earn it, and where has that training made a real difference in your work?`,
  (s) =>
    `How do you keep ${s.requirement} current, and when did it last matter in a real situation?`,
];

/** After "I don't know": the nearest thing the candidate has done, without quoting the refusal. */
export const PASSED_FOLLOW_UP_TEMPLATES: ((s: QuestionSlots) => string)[] = [
  (s) =>
    `That's fine; not everyone has done exactly that. What is the closest thing you have done to ${s.requirement}, and what was your own part in it?`,
  (s) =>
    `Let's come at ${s.requirement} from another side. Think of a time you had to learn something like it quickly: what did you do first, and how did it go?`,
];

/** Pressing on a short or vague answer, quoting it back so the candidate knows why. */
export const FOLLOW_UP_TEMPLATES: ((s: QuestionSlots, quote: string) => string)[] = [
  (s, quote) =>
    `Let's stay with that for a moment. You said "${quote}". Can you give me one concrete example involving ${s.requirement}: what exactly did you do, and what was the result?`,
  (s, quote) =>
    `When you say "${quote}", what does that look like in practice for ${s.requirement}? Walk me through a real case, step by step.`,
  (s) =>
    `Could you go a little deeper on ${s.requirement}? Pick one specific situation, tell me what your role was, and what you would do differently next time.`,
];
