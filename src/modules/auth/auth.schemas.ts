import { z } from 'zod';
import { timestamp } from '../../platform/http/schemas.js';

/** The rule for a password being set, at registration and at a change. */
const newPassword = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(128, 'must be at most 128 characters');

export const registerBody = z.object({
  email: z.email({ message: 'must be a valid email address' }).trim().max(254),
  password: newPassword,
  full_name: z.string().trim().min(1, 'must not be empty').max(200),
});

export const loginBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(128),
});

export const userResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  full_name: z.string(),
  created_at: timestamp,
});

export const tokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int(),
});

export const changePasswordBody = z.object({
  current_password: z.string().min(1).max(128),
  new_password: newPassword,
});

export const noContent = z.null().describe('No content');
