import type { z } from 'zod';
import { iso } from '../../platform/http/schemas.js';
import type { tokenResponse, userResponse } from './auth.schemas.js';
import type { AccessToken } from './tokens.js';
import type { UserRow } from './users.repository.js';

export const toUserResponse = (u: UserRow): z.infer<typeof userResponse> => ({
  id: u.id,
  email: u.email,
  full_name: u.fullName,
  created_at: iso(u.createdAt),
});

export const toTokenResponse = (t: AccessToken): z.infer<typeof tokenResponse> => ({
  access_token: t.token,
  token_type: 'bearer',
  expires_in: t.expiresIn,
});
