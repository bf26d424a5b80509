// Posting and resume analysis, memoised: a session asks for many questions about the same
// two texts, and re-reading a 50 000-character resume for each would waste the budget.

import { memoise } from '../text/cache.js';
import { analysePosting } from './posting-analysis.js';
import { analyseResume } from './resume-analysis.js';
import type { JobPostingContext, PostingAnalysis, ResumeAnalysis } from './types.js';

export interface ContextAnalysis {
  posting: PostingAnalysis;
  /** Null when the candidate has no resume on file. */
  resume: ResumeAnalysis | null;
}

const CACHE_SIZE = 64;

function postingKey(posting: JobPostingContext): string {
  const fields = [posting.title, posting.company, posting.techStack, posting.experienceLevel];
  return `${fields.join('\u0000')}\u0000${posting.description}`;
}

const postingAnalysis = memoise(CACHE_SIZE, analysePosting, postingKey);
const resumeAnalysis = memoise(CACHE_SIZE, analyseResume);

export function analyseContext(posting: JobPostingContext, resume: string | null): ContextAnalysis {
  const hasResume = resume !== null && resume.trim().length > 0;
  return {
    posting: postingAnalysis(posting),
    resume: hasResume ? resumeAnalysis(resume) : null,
  };
}
