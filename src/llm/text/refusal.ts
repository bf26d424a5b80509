// "I don't know", "pass", "next question": the phrases by which a candidate declines to answer.
// Shared by the evaluator (such an answer gets no score) and the plan (such an answer is not
// quoted back in a follow-up).

const REFUSAL_SOURCE =
  /\b(?:i (?:do not|don'?t|dont) know|no idea|not sure|pass|skip|no comment|can'?t (?:remember|think of)|nothing comes to mind|i have no (?:idea|experience|example)|i'?ve never (?:done|had) (?:that|this)|next question)\b/
    .source;

const REFUSAL = new RegExp(REFUSAL_SOURCE, 'i');
const REFUSAL_ALL = new RegExp(REFUSAL_SOURCE, 'gi');

/** Whether the text holds a phrase that declines to answer. */
export function hasRefusal(text: string): boolean {
  return REFUSAL.test(text);
}

/** The text with every declining phrase replaced by a space: what else it says. */
export function withoutRefusals(text: string): string {
  return text.replace(REFUSAL_ALL, ' ');
}
