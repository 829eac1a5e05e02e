/** Password hashing with argon2id (never used for API keys: those are random, so one HMAC suffices). */
import { Algorithm, hash, verify } from '@node-rs/argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
}

export interface Argon2Options {
  /** KiB of memory per hash. Default 19 456 (19 MiB, the OWASP minimum for argon2id). */
  memoryCostKib?: number;
  /** Passes over memory. Default 2. */
  timeCost?: number;
}

export function argon2Hasher({ memoryCostKib = 19_456, timeCost = 2 }: Argon2Options = {}): PasswordHasher {
  const options = { algorithm: Algorithm.Argon2id, memoryCost: memoryCostKib, timeCost, parallelism: 1 };
  return {
    hash: (password) => hash(password, options),
    verify: async (hashed, password) => {
      try {
        return await verify(hashed, password);
      } catch {
        return false;
      }
    },
  };
}
