/**
 * Puts an API failure next to the form fields it concerns. A validation message starts with the name of the
 * field it is about ("password must be at least 10 characters", "connections[0] must be a string"), so each
 * message goes to the field it names; messages that name no field of the form (a 409, a network failure,
 * "property x should not exist") stay together for the alert above the submit button.
 */
import { errorMessages } from '../api/api-error';

export interface SplitErrors<F extends string> {
  /** One sentence (or several, joined) per field named by a message, e.g. "Password must be at least 10 characters." */
  byField: Partial<Record<F, string>>;
  /** Messages naming no field of the form, in the API's order; empty when there are none. */
  rest: readonly string[];
}

/** The field a message names: its leading word, as the API spells field names (`name`, `roleKey`, `connections`). */
export function leadingField(message: string): string | null {
  return /^([a-z][A-Za-z0-9_]*)(?:\[\d+\])?(?:\.[A-Za-z0-9_]+)*\s/.exec(message)?.[1] ?? null;
}

/** "password must be at least 10 characters" → "Password must be at least 10 characters." */
export function asSentence(message: string): string {
  const trimmed = message.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

export function splitFieldErrors<F extends string>(error: unknown, fields: readonly F[]): SplitErrors<F> {
  if (error === null || error === undefined) return { byField: {}, rest: [] };
  const byField: Partial<Record<F, string>> = {};
  const rest: string[] = [];
  for (const message of errorMessages(error)) {
    const field = leadingField(message);
    const known = fields.find((candidate) => candidate === field);
    if (known === undefined) {
      rest.push(message);
      continue;
    }
    const sentence = asSentence(message);
    byField[known] = byField[known] ? `${byField[known]} ${sentence}` : sentence;
  }
  return { byField, rest };
}
