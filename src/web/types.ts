// The wire shapes the UI reads (see the route schemas under src/modules).

export interface User {
  id: string;
  email: string;
  full_name: string;
  created_at: string;
}

export interface Token {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
}

export interface Resume {
  id: string;
  content: string;
  source_filename?: string | null;
  updated_at: string;
}

export interface JobPosting {
  id: string;
  title: string;
  company: string | null;
  description: string;
  tech_stack: string | null;
  experience_level: string | null;
  created_at: string;
  updated_at: string;
}

export type JobPostingInput = Pick<JobPosting, 'title' | 'company' | 'description'> &
  Partial<Pick<JobPosting, 'tech_stack' | 'experience_level'>>;

export type SessionStatus = 'active' | 'paused' | 'completed';

export interface Session {
  id: string;
  job_posting_id: string;
  status: SessionStatus;
  question_count: number;
  created_at: string;
  updated_at: string;
}

export type QuestionType = 'technical' | 'behavioral' | 'situational' | 'experience';

export interface Focus {
  requirement: string | null;
  evidence: string | null;
  summary: string;
}

export interface Message {
  id: string;
  role: 'interviewer' | 'candidate';
  content: string;
  question_type: QuestionType | null;
  focus?: Focus | null;
  reply_to?: string | null;
  created_at: string;
}

export type OperationStatus = 'pending' | 'processing' | 'completed' | 'failed';

export interface Operation {
  id: string;
  status: OperationStatus;
  session_id: string;
  result: {
    question_text: string;
    question_type: QuestionType;
    message_id: string;
    focus?: Focus;
  } | null;
  error_message: string | null;
  created_at: string;
  updated_at: string;
}
