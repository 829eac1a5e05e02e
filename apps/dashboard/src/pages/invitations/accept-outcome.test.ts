import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { describeAcceptFailure } from './accept-outcome';

const failure = (status: number, message: string) =>
  describeAcceptFailure(new ApiError(status, [message], '/api/invitations/accept'));

describe('describeAcceptFailure', () => {
  it('offers another account when the invitation is for another email', () => {
    expect(
      failure(403, 'This invitation is for a@example.com; sign in as a@example.com to accept it'),
    ).toMatchObject({ title: 'This invitation is for another email address', otherAccount: true });
  });

  it('says a cancelled, replaced or used link is no longer valid', () => {
    expect(failure(404, 'Invitation not found')).toMatchObject({
      title: 'This invitation is no longer valid',
      otherAccount: false,
    });
  });

  it('says an expired one cannot be used', () => {
    expect(failure(400, 'Invitation has expired; ask an admin for a new one').title).toBe(
      'This invitation cannot be used',
    );
  });

  it('sends a member to their workspaces', () => {
    expect(failure(409, 'You are already a member of this workspace').alreadyMember).toBe(true);
  });

  it('offers a retry for anything else', () => {
    expect(describeAcceptFailure(new ApiError(0, ['Could not reach the server.'], '/x'))).toMatchObject({
      title: 'Could not accept the invitation',
      retry: true,
    });
    expect(failure(404, 'Invitation not found').retry).toBe(false);
  });
});
