// Posting and resume analysis, memoised: a session asks for many questions about the same
// two texts, and re-reading a 50 000-character resume for each would waste the budget.

import type { JobPostingContext } from './generator.js';
import { analysePosting, type PostingAnalysis } from './posting-analysis.js';
import { analyseResume, type ResumeAnalysis } from './resume-analysis.js';

export interface ContextAnalysis {
  posting: PostingAnalysis;
  /** Null when the candidate has no resume on file. */
  resume: ResumeAnalysis | null;
}

const CACHE_SIZE = 64;
const postingCache = new Map<string, PostingAnalysis>();
const resumeCache = new Map<string, ResumeAnalysis>();

function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  const hit = cache.get(key);
  if (hit) {
    // Re-insert so the Map's insertion order doubles as least-recently-used order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const value = compute();
  cache.set(key, value);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return value;
}

// Keyed by the full text, not a hash of it: a collision would silently serve another
// candidate's analysis, and V8 hashes a string key only once.
function postingKey(posting: JobPostingContext): string {
  const fields = [posting.title, posting.company, posting.techStack, posting.experienceLevel];
  return `${fields.join('\u0000')}\u0000${posting.description}`;
}

export function analyseContext(posting: JobPostingContext, resume: string | null): ContextAnalysis {
  const hasResume = resume !== null && resume.trim().length > 0;
  return {
    posting: remember(postingCache, postingKey(posting), () => analysePosting(posting)),
    resume: hasResume ? remember(resumeCache, resume, () => analyseResume(resume)) : null,
  };
}
