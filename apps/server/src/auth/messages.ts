/** Messages of authentication failures that API.md fixes word for word. */
export const MESSAGES = {
  missing: 'Missing API key',
  malformed: 'Malformed API key',
  unknown: 'Invalid API key',
  inactive: 'API key is inactive: its creator is no longer a member of this workspace',
  notSignedIn: 'Not signed in: sign in first (POST /api/auth/login)',
} as const;
