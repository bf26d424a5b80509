// The words a question is about, without the words that frame it: "walk me through",
// "step by step", "what would you check first". An answer that shares only the frame
// ("my first step would be to check") has not touched the question's subject.

import { stemSet } from './shared.js';
import { stemIn } from './stem-match.js';

/** Words that phrase an interview question rather than name its subject. */
const FRAME = stemSet(`
  adapt adequately afterwards another apply approach ask attention back best bring busiest
  carry case challenge change check closely closest colleague concrete current deal decide
  decision deeper describe difference differently disagree discover doing earn ensure
  essential everyone exactly example expect experience fall feedback fine finish first fit
  genuinely handle hands-on hard harder hinge imagine involve join keep know last learn less
  level little look matter mistake moment month next notice now one outcome part pick
  picture plan posting practice problem proud pull put quickly read real really receive
  relate require resolve result said say scenario separate short side situation something
  specific speed start stay step suppose team tell test thing think time together train turn
  two up walk watch week weight work wrong
`);

/**
 * The stems of `question` that name its subject. A frame word still counts where the job or
 * the resume (`context`, from expandStems) uses it too: "feedback" for a teacher, "test" for QA.
 */
export function questionTerms(question: string, context: ReadonlySet<string>): Set<string> {
  return new Set([...stemSet(question)].filter((s) => !FRAME.has(s) || stemIn(s, context)));
}
