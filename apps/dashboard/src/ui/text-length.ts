/**
 * Lengths as the API counts them (Unicode code points: an emoji is one character), for counters under a field
 * and for saying "too long" before a request instead of cutting what was typed or pasted.
 */

/** Characters in `value`, counted as the API counts them. */
export function textLength(value: string): number {
  return [...value].length;
}

/** "12 / 100 characters". */
export function lengthCounter(value: string, max: number): string {
  return `${textLength(value).toLocaleString('en')} / ${max.toLocaleString('en')} characters`;
}

/** A sentence saying by how much `value` is too long, or null when it fits. */
export function tooLongProblem(value: string, max: number): string | null {
  const length = textLength(value);
  if (length <= max) return null;
  const over = length - max;
  return `Use at most ${max} characters: this has ${length}, ${over} too many.`;
}
