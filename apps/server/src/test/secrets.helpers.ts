/** Finding secrets where they must not be: in files, log lines and responses. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One place a secret could have leaked to, as text. */
export interface Recorded {
  what: string;
  text: string;
}

/**
 * The fragments of a secret that must not appear anywhere: the whole of it, and every 16-character
 * window of its random part (so a truncated or re-cased copy is caught too). The hint shows only 8.
 */
export function fragments(secret: string): string[] {
  const body = secret.startsWith('sk_') ? secret.slice(3) : secret;
  const out = [secret.toLowerCase(), body.slice(0, 56).toLowerCase()];
  for (let i = 0; i + 16 <= body.length; i++) out.push(body.slice(i, i + 16).toLowerCase());
  return out;
}

/** Which haystacks contain which secrets (as `"<where> contains sk_…"`); empty when nothing leaked. */
export function leaksIn(haystacks: Recorded[], secrets: string[]): string[] {
  const found: string[] = [];
  for (const { what, text } of haystacks) {
    const lower = text.toLowerCase();
    for (const secret of secrets) {
      if (fragments(secret).some((f) => lower.includes(f)))
        found.push(`${what} contains ${secret.slice(0, 10)}…`);
    }
  }
  return found;
}

/** Every file under `dir`, read as bytes (latin1 keeps ASCII secrets searchable inside binary files). */
export function readAllFiles(dir: string): Recorded[] {
  const out: Recorded[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...readAllFiles(path));
    else out.push({ what: path, text: readFileSync(path).toString('latin1') });
  }
  return out;
}
