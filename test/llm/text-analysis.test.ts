import { describe, expect, it } from 'vitest';
import { analysePosting } from '../../src/llm/analysis/posting-analysis.js';
import { analyseResume } from '../../src/llm/analysis/resume-analysis.js';
import { nurse } from '../fixtures/profiles/nurse.js';
import { salesManager } from '../fixtures/profiles/sales-manager.js';
import { shortBackend, shortOrderService } from '../fixtures/profiles/short-backend.js';
import { shortNurse } from '../fixtures/profiles/short-care.js';
import { shortWarehouse } from '../fixtures/profiles/short-warehouse.js';
import { teacher } from '../fixtures/profiles/teacher.js';

const texts = (items: { text: string }[]) => items.map((item) => item.text);

describe('posting analysis', () => {
  it('reads duties from bullet lines and turns them into phrases a question can use', () => {
    const found = texts(analysePosting(nurse.jobPosting).requirements);
    expect(found).toContain('administering medications');
    expect(found).toContain('recognizing early signs of clinical deterioration');
    expect(found).toContain('BLS and ACLS certification');
  });

  it('reads requirements from cue phrases in prose', () => {
    const found = texts(analysePosting(teacher.jobPosting).requirements);
    expect(found).toContain('project-based learning');
    expect(found).toContain('using formative assessment to adjust instruction');
    expect(found).toContain('Next Generation Science Standards');
  });

  it('works on a trade it has never seen', () => {
    const posting = {
      title: 'Warehouse Shift Supervisor',
      company: null,
      techStack: null,
      experienceLevel: null,
      description:
        'You will supervise a crew of 15 pickers on the night shift. Experience with cycle counting and forklift certification required. Ability to enforce OSHA safety rules.',
    };
    const found = texts(analysePosting(posting).requirements);
    expect(found).toEqual(
      expect.arrayContaining([
        'supervising a crew of 15 pickers on the night shift',
        'cycle counting and forklift certification',
        'enforcing OSHA safety rules',
      ]),
    );
  });

  it('drops the lead-ins people type and keeps the skill or duty', () => {
    const posting = {
      title: 'Electrician',
      company: null,
      techStack: null,
      experienceLevel: null,
      description:
        "We're a small family firm. We need someone who can install lighting, test circuits and work weekends. Must hold a valid 18th Edition certificate. You'll greet customers, help them choose fittings and keep the van stocked.",
    };
    const found = texts(analysePosting(posting).requirements);
    expect(found).toEqual([
      'installing lighting',
      'testing circuits',
      'an 18th Edition certificate',
      'greeting customers',
      'helping customers choose fittings',
      'keeping the van stocked',
    ]);
  });

  it('classifies licences and traits so they get suitable questions', () => {
    const kinds = Object.fromEntries(
      analysePosting(nurse.jobPosting).requirements.map((r) => [r.text, r.kind]),
    );
    expect(kinds['BLS and ACLS certification']).toBe('credential');
    expect(kinds['staying calm under pressure']).toBe('trait');
    expect(kinds['administering medications']).toBe('duty');
  });
});

describe('resume analysis', () => {
  it('finds roles, skills and achievements, addressed to the candidate', () => {
    const resume = analyseResume(salesManager.resume!);
    expect(texts(resume.roles)).toEqual([
      'Area Sales Manager',
      'Senior Account Executive',
      'Account Executive',
    ]);
    expect(texts(resume.skills)).toContain('pipeline coaching');
    const grew = resume.achievements.find((a) => a.text.startsWith('Grew territory revenue'));
    expect(grew?.clause).toBe('you grew territory revenue from $9.5M to $14.2M in three years');
  });

  it('reads unbulleted achievement sentences and turns "my" into "your"', () => {
    const resume = analyseResume(teacher.resume!);
    expect(texts(resume.roles)).toContain('Science Teacher');
    const circles = resume.achievements.find((a) => a.text.includes('restorative circles'));
    expect(circles?.clause).toContain('in your homeroom');
  });

  it('reads a resume typed as prose: the headline role and every sentence as a claim', () => {
    const resume = analyseResume(shortOrderService.resume!);
    expect(texts(resume.roles)).toEqual(['a backend engineer']);
    expect(texts(resume.achievements)).toEqual([
      'Built a payments API in TypeScript on PostgreSQL; cut p99 latency by 40%',
      'Led a team of four through a migration to Kubernetes',
    ]);
    expect(resume.achievements[0]?.clause).toBe(
      'you built a payments API in TypeScript on PostgreSQL and cut p99 latency by 40%',
    );
  });

  it('addresses first-person sentences to the candidate and keeps short certificate lines', () => {
    const resume = analyseResume(shortWarehouse.resume!);
    const clauses = resume.achievements.map((a) => a.clause);
    expect(clauses).toContain('you run a team of 10 on nights and plan the weekly rota');
    expect(clauses).toContain(
      'your pick rate went up 15% after you reorganised the pick paths in the WMS',
    );
    expect(texts(analyseResume(shortNurse.resume!).achievements)).toContain(
      'BLS and ACLS certified',
    );
  });

  it('quotes a line of two clauses as written, and cuts a long one between them', () => {
    const resume = analyseResume(`Experience:
- Charge nurse on night shifts for a 28-bed unit; supervised 5 nurses and 3 healthcare assistants.
- Ran the night handover for the whole surgical directorate across four wards and two theatres; cut handover time from forty minutes to fifteen.`);
    const [charge, handover] = resume.achievements;
    expect(charge?.text).toBe(
      'Charge nurse on night shifts for a 28-bed unit; supervised 5 nurses and 3 healthcare assistants',
    );
    expect(handover?.text).toBe(
      'Ran the night handover for the whole surgical directorate across four wards and two theatres',
    );
    expect(handover?.clause).toBe(
      'you ran the night handover for the whole surgical directorate across four wards and two theatres',
    );
  });

  it('never quotes the headline back as something the candidate did', () => {
    const headline = analyseResume(shortNurse.resume!).achievements.find((a) => a.headline);
    expect(headline?.text).toBe('Registered nurse with three years on an acute surgical ward');
    expect(headline?.clause).toBeNull();
  });

  it('keeps a one-line browser resume apart from its name line', () => {
    const resume = analyseResume(shortBackend.resume!);
    expect(texts(resume.achievements)).toEqual([
      'Built payment APIs in TypeScript and Node.js on PostgreSQL; cut p95 latency by 40%',
      'Led a team of four; introduced code review and on-call runbooks',
    ]);
  });
});
