// What a resume shows: roles held, skills listed and achievements claimed, read from the
// layout resumes share (section headings, dated role lines, bullets, comma lists), or from
// the sentences of a resume typed as a few lines of prose.

import { wordCount } from '../text/normalise.js';
import { BULLET, splitUnits } from '../text/units.js';
import { evidence, headlineRole, isClaim, roleTitle } from './resume-lines.js';
import type { Evidence, ResumeAnalysis } from './types.js';

const MAX_RESUME_CHARS = 20_000;

type Section = 'experience' | 'skills' | 'education' | 'summary' | 'other';

const SECTIONS: [Section, RegExp][] = [
  ['skills', /skill|competenc|expertise|tools|technolog|certific|licen[cs]|languages|qualific/i],
  ['education', /education|degree|training|academic/i],
  ['summary', /summary|profile|objective|about/i],
  [
    'experience',
    /experience|employment|history|career|positions|work|achievements|accomplish|projects|awards|volunteer/i,
  ],
];
function sectionOf(line: string): Section | null {
  const label = line.replace(/:$/, '').trim();
  if (wordCount(label) > 5 || /[\d.,;|]/.test(label)) return null;
  const looksLikeHeading =
    line.endsWith(':') || (label === label.toUpperCase() && /[A-Z]/.test(label));
  for (const [section, pattern] of SECTIONS) if (pattern.test(label)) return section;
  return looksLikeHeading ? 'other' : null;
}

function stemFrequency(pool: readonly Evidence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of pool)
    for (const stem of item.stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  return counts;
}

export function analyseResume(resume: string): ResumeAnalysis {
  const result = {
    roles: [] as Evidence[],
    skills: [] as Evidence[],
    achievements: [] as Evidence[],
  };
  let section: Section = 'other';
  // Until the first heading the resume may be prose, as typed into a form.
  let prose = true;
  let openingRole: Evidence | null = null;
  // The recent career sits at the top; a 50-page CV's tail would only cost time.
  for (const line of resume
    .slice(0, MAX_RESUME_CHARS)
    .split(/\r?\n/)
    .map((l) => l.trim())) {
    if (!line) continue;
    const inline = /^([A-Za-z][\w &]{1,30}):\s+(.+)$/.exec(line);
    const heading = sectionOf(inline?.[1] ? `${inline[1]}:` : line);
    if (heading && !inline) {
      section = heading;
      prose = false;
      continue;
    }
    const lineSection = inline && heading ? heading : section;
    const body = inline && heading ? (inline[2] ?? '') : line.replace(BULLET, '');
    if (lineSection === 'skills') {
      // [^()] rather than [^)]: from each "(" of a run the scan stops at the next one.
      for (const item of body.replace(/\([^()]*\)/g, '').split(/[,;|•·]/)) {
        const skill = item.trim();
        if (skill.length >= 2 && wordCount(skill) <= 5)
          result.skills.push(evidence('skill', skill, 5));
      }
      continue;
    }
    if (lineSection === 'education') continue;
    const title = BULLET.test(line) ? null : roleTitle(line);
    if (title) {
      result.roles.push(evidence('role', title, 7));
    } else if (lineSection !== 'summary' && (BULLET.test(line) || lineSection === 'experience')) {
      for (const unit of splitUnits(body)) {
        if (wordCount(unit.text) >= 5)
          result.achievements.push(evidence('achievement', unit.text, 16));
      }
    } else if (prose && !BULLET.test(line)) {
      // Every sentence is a claim; the one giving a job title and years is the headline.
      for (const unit of splitUnits(body)) {
        const role = headlineRole(unit.text);
        if (role) openingRole ??= evidence('role', role, 7);
        if (!isClaim(unit.text)) continue;
        const claim = evidence('achievement', unit.text, 20);
        result.achievements.push(
          role ? { ...claim, clause: null, weight: claim.weight - 2, headline: true } : claim,
        );
      }
    }
  }
  if (result.roles.length === 0 && openingRole) result.roles.push(openingRole);
  return { ...result, stemFrequency: stemFrequency([...result.achievements, ...result.skills]) };
}
