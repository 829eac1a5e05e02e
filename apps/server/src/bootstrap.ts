/**
 * Headless set-up for scripts and CI: an owner (created, or reused when the password matches),
 * a workspace and an API key. The printed key is the only plaintext outside the create route.
 *
 * It goes through the app's own services and the API's own request schemas, so an owner made here
 * obeys exactly the rules of one made through POST /api/auth/signup.
 */
import { Type } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import pino from 'pino';
import { argon2Hasher, type PasswordHasher } from './auth/passwords.js';
import { type Clock, systemClock } from './clock.js';
import { InProcessBus } from './events/bus.js';
import { AppError } from './http/errors.js';
import { createValidatorCompiler, validationMessages } from './http/validation.js';
import { createKeySystem } from './keys/key-system.js';
import { MemoryRateLimitStore, type RateLimitPolicy } from './limits/rate-limiter.js';
import { SignupBody } from './routes/auth.js';
import { WorkspaceName } from './routes/workspaces.js';
import { createServices } from './services/index.js';
import type { Stores } from './stores.js';

export interface BootstrapOptions {
  email: string;
  password: string;
  /** Workspace to use: the owner's workspace of this name, created if missing. Default: their first owned one. */
  workspace?: string;
}

export interface BootstrapDeps {
  /** The configured limits, as the server applies them. */
  policy: RateLimitPolicy;
  passwords?: PasswordHasher;
  clock?: Clock;
}

/** The sign-up body's email and password, and the workspace routes' name, under the option names. */
const BootstrapInput = Type.Object(
  {
    email: SignupBody.properties.email,
    password: SignupBody.properties.password,
    workspace: Type.Optional(WorkspaceName),
  },
  { additionalProperties: false },
);

// Compiled as the API compiles a request body, so the sentences are the API's own; on first use only,
// since `socifyr-server` imports this module when it merely serves.
let validateInput: ValidateFunction | undefined;
const inputValidator = (): ValidateFunction =>
  (validateInput ??= createValidatorCompiler()({
    schema: BootstrapInput,
    method: 'POST',
    url: 'bootstrap',
    httpPart: 'body',
  }) as ValidateFunction);

/**
 * The problems of the options as sentences, the same the sign-up and workspace routes answer with
 * ("password must be at least 10 characters"); empty when the options are fine.
 */
export function bootstrapProblems(options: BootstrapOptions): string[] {
  const input = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const validate = inputValidator();
  if (validate(input)) return [];
  return validationMessages(validate.errors ?? [], 'options');
}

/** Creates (or signs in) the owner, finds or creates the workspace, and makes an OWNER key in it. */
export async function bootstrap(
  stores: Pick<Stores, 'db' | 'keySecret'>,
  options: BootstrapOptions,
  deps: BootstrapDeps,
): Promise<{ workspaceId: string; apiKey: string }> {
  const { db, keySecret } = stores;
  // The app's wiring (see app.ts), without the HTTP server.
  const clock = deps.clock ?? systemClock;
  const bus = new InProcessBus();
  const rateLimits = new MemoryRateLimitStore(clock);
  // No recorder flush is needed: bootstrap verifies no key, so no use is recorded.
  const { keys } = createKeySystem({ db, secret: keySecret, bus, clock, logger: pino({ level: 'silent' }) });
  const { accounts, workspaces } = createServices({
    db,
    clock,
    bus,
    keys,
    passwords: deps.passwords ?? argon2Hasher(),
    rateLimits,
    policy: deps.policy,
  });

  try {
    const user = await accounts
      .signup({ email: options.email, password: options.password, name: nameFrom(options.email) })
      .catch((error: unknown) => {
        // Re-running is safe: an existing owner is reused when the password is theirs.
        if (error instanceof AppError && error.code === 'conflict') {
          return accounts.login({ email: options.email, password: options.password }, 'bootstrap');
        }
        throw error;
      });
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

/** The owner's display name: the email's local part, within the 100 characters a name may have. */
function nameFrom(email: string): string {
  const local = email.trim().split('@')[0] ?? '';
  return Array.from(local).slice(0, 100).join('') || 'Owner';
}
