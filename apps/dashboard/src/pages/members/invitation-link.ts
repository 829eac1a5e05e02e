/** The link an invited person opens. */
import { paths } from '../../router/paths';

/**
 * The accept page with the token, and the invited address as a hint for the sign-up form (only a hint: the
 * server checks the signed-in person's email itself).
 */
export function invitationLink(origin: string, invitation: { token: string; email: string }): string {
  return `${origin}${paths.acceptInvitation(invitation.token)}&email=${encodeURIComponent(invitation.email)}`;
}
