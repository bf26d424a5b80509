// The closed catalogue of error codes the API speaks, and the one status table.
export const ERROR_STATUS = {
  VALIDATION_ERROR: 422,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  WRONG_PASSWORD: 400,
  LLM_SETTINGS_NOT_FOUND: 404,
  BASE_URL_NOT_ALLOWED: 422,
  SECRETS_KEY_MISSING: 503,
  // A user's own model, tried by POST /users/me/llm/test: the provider failed, not this server.
  MODEL_TIMEOUT: 504,
  MODEL_RATE_LIMITED: 502,
  MODEL_UNAVAILABLE: 502,
  MODEL_INVALID_OUTPUT: 502,
  MODEL_KEY_REJECTED: 502,
  MODEL_REQUEST_REJECTED: 502,
  RESUME_NOT_FOUND: 404,
  JOB_POSTING_NOT_FOUND: 404,
  JOB_POSTING_IN_USE: 409,
  SESSION_NOT_FOUND: 404,
  SESSION_NOT_ACTIVE: 400,
  INVALID_STATUS_TRANSITION: 409,
  NO_OPEN_QUESTION: 409,
  TOO_MANY_ATTEMPTS: 409,
  OPERATION_NOT_FOUND: 404,
  MESSAGE_NOT_FOUND: 404,
  REPORT_NOT_FOUND: 404,
  NOTHING_TO_REPORT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  LIMIT_REACHED: 409,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  HEADERS_TOO_LARGE: 431,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNREADABLE_FILE: 422,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (code: Extract<ErrorCode, `${string}_NOT_FOUND`>, what: string): AppError =>
  new AppError(code, `${what} not found.`);
