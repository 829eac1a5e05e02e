/** People: sign up (with a first workspace), sign in (throttled per IP + email), and who-am-I. */
import type { PasswordHasher } from '../auth/passwords.js';
import type { Principal } from '../auth/principal.js';
import { type Clock, isoNow } from '../clock.js';
import { isUniqueViolation } from '../db/database.js';
import type { Db, UserRow } from '../db/tables.js';
import { AppError, conflict } from '../http/errors.js';
import { newId } from '../ids.js';
import type { RateLimitPolicy, RateLimitStore } from '../limits/rate-limiter.js';
import { AttemptThrottle, failedAuthSubject, tooManyFailures, tooManyRequests } from '../limits/throttle.js';
import type { WorkspaceService } from './workspaces.js';

export interface UserView {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

export const toUserView = (row: Pick<UserRow, 'id' | 'email' | 'name' | 'created_at'>): UserView => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: row.created_at,
});

const emailTaken = () =>
  conflict('An account with this email already exists; sign in instead (POST /api/auth/login)');

/** Emails are compared without case or surrounding space. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export interface AccountServiceOptions {
  db: Db;
  clock: Clock;
  passwords: PasswordHasher;
  workspaces: WorkspaceService;
  rateLimits: RateLimitStore;
  policy: RateLimitPolicy;
}

export class AccountService {
  /** A real hash to verify against when the email is unknown, so timing does not reveal which emails exist. */
  private decoyHash: Promise<string> | undefined;

  private readonly signInAttempts: AttemptThrottle;
  private readonly authAttempts: AttemptThrottle;

  constructor(private readonly options: AccountServiceOptions) {
    this.signInAttempts = new AttemptThrottle(options.rateLimits, options.policy.failedSignInPerIpEmail);
    this.authAttempts = new AttemptThrottle(options.rateLimits, options.policy.failedAuthPerIp);
  }

  /**
   * Creates an account with its first workspace. A taken email is answered before the (slow) hash and
   * counts as a failed attempt of the address, so sign-up cannot be used to make the server hash at will.
   */
  async signup(input: { email: string; password: string; name: string }, ip?: string): Promise<UserView> {
    const email = normalizeEmail(input.email);
    const name = input.name.trim();
    const taken = await this.options.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    if (taken) {
      const waitMs = ip === undefined ? 0 : await this.authAttempts.admit(failedAuthSubject(ip));
      if (waitMs > 0) throw tooManyFailures(waitMs);
      throw emailTaken();
    }
    const now = isoNow(this.options.clock);
    const user: UserRow = {
      id: newId('usr', this.options.clock.now()),
      email,
      name,
      password_hash: await this.options.passwords.hash(input.password),
      created_at: now,
    };
    try {
      await this.options.db.transaction().execute(async (trx) => {
        await trx.insertInto('users').values(user).execute();
        await this.options.workspaces.create(user.id, `${name}'s workspace`, trx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    return toUserView(user);
  }

  /**
   * Checks the password. Each attempt is counted before the (deliberately slow) hash check, both for the
   * address + email (10 in 15 minutes) and for the address (the failed-authentication limit), so parallel
   * guesses cannot slip past; a successful sign-in clears the first and refunds the second.
   */
  async login(input: { email: string; password: string }, ip: string): Promise<UserView> {
    const email = normalizeEmail(input.email);
    const emailSubject = `login-fail:${ip}:${email}`;
    const ipSubject = failedAuthSubject(ip);
    const emailWaitMs = await this.signInAttempts.admit(emailSubject);
    if (emailWaitMs > 0) {
      throw tooManyRequests(
        emailWaitMs,
        (s) => `Too many failed sign-ins for this email; try again in ${s} s`,
      );
    }
    const ipWaitMs = await this.authAttempts.admit(ipSubject);
    if (ipWaitMs > 0) {
      await this.signInAttempts.refund(emailSubject);
      throw tooManyFailures(ipWaitMs);
    }

    const row = await this.options.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst();
    const valid = row
      ? await this.options.passwords.verify(row.password_hash, input.password)
      : await this.verifyDecoy(input.password);
    if (!row || !valid) throw new AppError('unauthenticated', 'Invalid email or password');
    await this.signInAttempts.clear(emailSubject);
    await this.authAttempts.refund(ipSubject);
    return toUserView(row);
  }

  async getUser(userId: string): Promise<UserView> {
    const row = await this.options.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return toUserView(row);
  }

  /** The caller, their workspaces and roles; for a key, its one workspace and the key itself. */
  async me(principal: Principal) {
    const user = await this.getUser(principal.userId);
    const workspaces = (await this.options.workspaces.listForUser(principal.userId)).map(
      ({ id, name, roleKey }) => ({
        id,
        name,
        roleKey,
      }),
    );
    if (principal.kind === 'session') return { user, workspaces };
    const { key, roleKey } = principal;
    return {
      user,
      workspaces: workspaces.filter((w) => w.id === key.workspaceId),
      apiKey: { id: key.id, label: key.label, hint: key.hint, roleKey },
    };
  }

  private async verifyDecoy(password: string): Promise<boolean> {
    this.decoyHash ??= this.options.passwords.hash('decoy-password-for-unknown-emails');
    await this.options.passwords.verify(await this.decoyHash, password);
    return false;
  }
}
