/**
 * What to tell a person whose invitation could not be accepted, from the API's answer: a title that says
 * what happened and whether signing in as someone else can help. The API's own message is shown under it.
 */
import { isApiError } from '../../api/api-error';

export interface AcceptFailure {
  title: string;
  /** What to do next, in a sentence. */
  advice: string;
  /** Signing in with another account may help (the invitation is for another email). */
  otherAccount: boolean;
  /** The person is a member already: offer the way into their workspaces. */
  alreadyMember: boolean;
  /** Trying again may work (the server could not be reached, or failed). */
  retry: boolean;
}

export function describeAcceptFailure(error: unknown): AcceptFailure {
  const base = { otherAccount: false, alreadyMember: false, retry: false };
  if (isApiError(error, 403)) {
    return {
      ...base,
      title: 'This invitation is for another email address',
      advice: 'Sign out, then sign in or create an account with the address the invitation was sent to.',
      otherAccount: true,
    };
  }
  if (isApiError(error, 404)) {
    return {
      ...base,
      title: 'This invitation is no longer valid',
      advice:
        'It was cancelled, replaced by a newer invitation, or already used. Ask an admin of the workspace for a new link.',
    };
  }
  if (isApiError(error, 400)) {
    return {
      ...base,
      title: 'This invitation cannot be used',
      advice: 'Ask an admin of the workspace for a new link.',
    };
  }
  if (isApiError(error, 409)) {
    return {
      ...base,
      title: 'You are already a member of this workspace',
      advice: 'Open your workspaces to continue.',
      alreadyMember: true,
    };
  }
  return { ...base, title: 'Could not accept the invitation', advice: 'Try again in a moment.', retry: true };
}
