import { ApiError } from '../api.js';
import { formatTime } from '../format.js';

/** Words for any failure, and what to do next. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      const wait = error.retryAfter ?? 60;
      const at = formatTime(Date.now() + wait * 1000);
      return `You have asked for a lot of questions in a short time. Wait ${wait} s and try again (after ${at}).`;
    }
    if (error.status === 401 && error.code !== 'INVALID_CREDENTIALS') {
      // Read after logging in again: the page stayed as it was, this one step did not happen.
      return 'Your login had expired, so this did not go through. Please do it again.';
    }
    if (error.status === 404 && error.code === 'NOT_FOUND') {
      return 'This feature is not available on the server yet.';
    }
    return error.message;
  }
  return 'Something unexpected went wrong. Please try again.';
}

interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
  retryLabel?: string;
  /** The form already shows field errors next to its fields. */
  fieldsInline?: boolean;
}

export function ErrorNotice({
  error,
  onRetry,
  retryLabel = 'Try again',
  fieldsInline = false,
}: ErrorNoticeProps) {
  if (!error) return null;
  const fieldErrors = error instanceof ApiError && !fieldsInline ? error.fieldErrors : [];
  return (
    <div class="notice notice-error" role="alert">
      <p>{describeError(error)}</p>
      {fieldErrors.length > 0 ? (
        <ul>
          {fieldErrors.map((f) => (
            <li key={f.field}>
              {f.field.replace(/_/g, ' ')}: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      {onRetry ? (
        <button type="button" class="button button-secondary" onClick={onRetry}>
          {retryLabel}
        </button>
      ) : null}
    </div>
  );
}
