/**
 * Headless set-up for scripts and CI: an owner (created, or reused when the password matches),
 * a workspace and an API key. The printed key is the only plaintext outside the create route.
 */

import pino from 'pino';
import { argon2Hasher } from './auth/passwords.js';
import { systemClock } from './clock.js';
import { InProcessBus } from './events/bus.js';
import { EMAIL_PATTERN } from './http/schemas.js';
import { KeyService } from './keys/key-service.js';
import { LastUsedRecorder } from './keys/last-used-recorder.js';
import { VerificationCache } from './keys/verification-cache.js';
import { MemoryRateLimitStore, rateLimitPolicy } from './limits/rate-limiter.js';
import { PASSWORD_MIN_LENGTH } from './routes/auth.js';
import { AccountService } from './services/accounts.js';
import { WorkspaceService } from './services/workspaces.js';
import type { Stores } from './stores.js';

export interface BootstrapOptions {
  email: string;
  password: string;
  /** Workspace to use: the owner's workspace of this name, created if missing. Default: their first owned one. */
  workspace?: string;
}

/** The same rules the sign-up and workspace routes apply, as sentences; empty when the options are fine. */
export function bootstrapProblems({ email, password, workspace }: BootstrapOptions): string[] {
  const problems: string[] = [];
  if (!new RegExp(EMAIL_PATTERN).test(email))
    problems.push('email must be an email address, e.g. ada@example.com');
  if (password.length < PASSWORD_MIN_LENGTH)
    problems.push(`password must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (workspace !== undefined && (workspace.trim() === '' || workspace.length > 100)) {
    problems.push('workspace must be 1 to 100 characters');
  }
  return problems;
}

export async function bootstrap(stores: Pick<Stores, 'db' | 'keySecret'>, options: BootstrapOptions) {
  const { db, keySecret } = stores;
  const clock = systemClock;
  const bus = new InProcessBus();
  const workspaces = new WorkspaceService(db, clock, bus);
  const rateLimits = new MemoryRateLimitStore(clock);
  const accounts = new AccountService({
    db,
    clock,
    passwords: argon2Hasher(),
    workspaces,
    rateLimits,
    policy: rateLimitPolicy(10, 60),
  });
  const recorder = new LastUsedRecorder({ db, logger: pino({ level: 'silent' }), clock });
  const keys = new KeyService({
    db,
    secret: keySecret,
    cache: new VerificationCache(),
    recorder,
    bus,
    clock,
  });

  try {
    const existing = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', options.email.trim().toLowerCase())
      .executeTakeFirst();
    const user = existing
      ? await accounts.login({ email: options.email, password: options.password }, 'bootstrap')
      : await accounts.signup({
          email: options.email,
          password: options.password,
          name: options.email.split('@')[0] ?? 'Owner',
        });
    // Re-running is safe: the owner's workspace of that name (or their first owned one) is reused.
    const name = options.workspace?.trim();
    const owned = (await workspaces.listForUser(user.id)).filter((w) => w.roleKey === 'OWNER');
    const reused = name === undefined ? owned[0] : owned.find((w) => w.name === name);
    const workspaceId =
      reused?.id ?? (await workspaces.create(user.id, name ?? `${user.name}'s workspace`)).id;
    const { plaintext } = await keys.create(
      { userId: user.id, workspaceId, roleKey: 'OWNER', apiKeyId: null },
      'Bootstrap key',
    );
    return { workspaceId, apiKey: plaintext };
  } finally {
    await rateLimits.close();
  }
}
