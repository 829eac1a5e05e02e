/**
 * The problems of one form, shown where they belong: next to the field they concern (found before sending,
 * e.g. "Enter your name.", or named by the API's validation message), or in the alert above the submit button
 * (anything else the API said). Editing a field clears its message and the alert, which described what was
 * sent; after every failed submit, focus moves to the first field marked invalid so it is read out.
 *
 *   const errors = useFormErrors(['name', 'email'] as const, formRef);
 *   if (errors.show({ name: name.trim() ? null : 'Enter your name.' })) return;   // before a request
 *   catch (failure) { errors.fail(failure); }                                       // after one
 *   <TextField error={errors.field('name')} onChange={(e) => { setName(e.target.value); errors.edited('name'); }} />
 *   <FormError messages={errors.form} />
 */
import { type ReactNode, type RefObject, useCallback, useEffect, useMemo, useState } from 'react';
import { splitFieldErrors } from './field-errors';

export interface FormErrors<F extends string> {
  /** The message for `name`, or undefined. */
  field(name: F): ReactNode;
  /** Messages for the alert above the submit button (empty when none). */
  form: readonly string[];
  /**
   * Shows `problems` next to their fields (null = fine), e.g. found before sending; true when there is any
   * (and the request must wait).
   */
  show(problems: Partial<Record<F, ReactNode | null>>): boolean;
  /** Shows a failed request: validation messages next to their fields, the rest in the alert. */
  fail(error: unknown): void;
  /** `name` was changed: its message and the alert are stale. */
  edited(name: F): void;
  /** Forgets everything (e.g. before sending). */
  clear(): void;
}

interface State<F extends string> {
  fields: Partial<Record<F, ReactNode>>;
  form: readonly string[];
  /** Bumped after every failed submit, to move focus once the messages are on screen. */
  attempt: number;
}

export function useFormErrors<F extends string>(
  fields: readonly F[],
  formRef: RefObject<HTMLFormElement | null>,
): FormErrors<F> {
  const [state, setState] = useState<State<F>>({ fields: {}, form: [], attempt: 0 });
  const fieldList = fields.join(' ');

  useEffect(() => {
    if (state.attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state.attempt, formRef]);

  const show = useCallback((problems: Partial<Record<F, ReactNode | null>>) => {
    const found: Partial<Record<F, ReactNode>> = {};
    for (const [name, problem] of Object.entries(problems) as [F, ReactNode | null][]) {
      if (problem !== null && problem !== undefined && problem !== false) found[name] = problem;
    }
    const any = Object.keys(found).length > 0;
    setState((previous) => ({
      fields: found,
      form: [],
      attempt: any ? previous.attempt + 1 : previous.attempt,
    }));
    return any;
  }, []);

  // Depends on the field names, not on the identity of the array they came in.
  const fail = useCallback(
    (error: unknown) => {
      const split = splitFieldErrors(error, fieldList.split(' ') as F[]);
      setState((previous) => ({ fields: split.byField, form: split.rest, attempt: previous.attempt + 1 }));
    },
    [fieldList],
  );

  const edited = useCallback((name: F) => {
    setState((previous) => {
      if (previous.fields[name] === undefined && previous.form.length === 0) return previous;
      const { [name]: _stale, ...others } = previous.fields;
      return { ...previous, fields: others as Partial<Record<F, ReactNode>>, form: [] };
    });
  }, []);

  const clear = useCallback(() => {
    setState((previous) =>
      Object.keys(previous.fields).length === 0 && previous.form.length === 0
        ? previous
        : { ...previous, fields: {}, form: [] },
    );
  }, []);

  return useMemo(
    () => ({ field: (name: F) => state.fields[name], form: state.form, show, fail, edited, clear }),
    [state, show, fail, edited, clear],
  );
}
