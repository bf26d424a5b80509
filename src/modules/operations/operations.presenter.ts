import type { z } from 'zod';
import { iso } from '../../platform/http/schemas.js';
import type { OperationRow } from './operations.repository.js';
import type { operationResponse } from './operations.schemas.js';

type OperationResponse = z.infer<typeof operationResponse>;

export const operationLocation = (id: string): string => `/api/v1/operations/${id}`;

export const toOperationResponse = (op: OperationRow): OperationResponse => ({
  id: op.id,
  operation_type: op.operation_type,
  status: op.status,
  session_id: op.session_id,
  result: (op.status === 'completed' ? op.result : null) as OperationResponse['result'],
  error_message: op.error_message,
  created_at: iso(op.created_at),
  updated_at: iso(op.updated_at),
});
