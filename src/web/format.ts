import type { OperationStatus, QuestionType, SessionStatus } from './types.js';

export const QUESTION_TYPE_LABEL: Record<QuestionType, string> = {
  technical: 'Technical',
  behavioral: 'Behavioural',
  situational: 'Situational',
  experience: 'Experience',
};

export const SESSION_STATUS_LABEL: Record<SessionStatus, string> = {
  active: 'In progress',
  paused: 'Paused',
  completed: 'Completed',
};

export const OPERATION_STATUS_LABEL: Record<OperationStatus, string> = {
  pending: 'Waiting in line',
  processing: 'Writing the question',
  completed: 'Ready',
  failed: 'Failed',
};

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatTime(iso: string | number): string {
  return new Date(iso).toLocaleTimeString(undefined, { timeStyle: 'short' });
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`;

/** "Title · Company", or the title alone. */
export const postingName = (p: { title: string; company: string | null }): string =>
  p.company ? `${p.title} · ${p.company}` : p.title;
