/**
 * Loads data for a view and tracks loading / error / data. Reloads when `deps` change, ignores answers that
 * arrive after the view moved on (the request is aborted), and keeps the old data visible during `reload()`.
 *
 * @example
 * const keys = useRequest((signal) => api.apiKeys.list(workspaceId, { signal }), [api, workspaceId]);
 * if (keys.status === 'loading') return <Loading />;
 * if (keys.status === 'error') return <ErrorState error={keys.error} onRetry={keys.reload} />;
 */
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export type RequestState<T> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'error'; data: T | undefined; error: unknown }
  | { status: 'ready'; data: T; error: undefined };

export type RequestResult<T> = RequestState<T> & {
  /** Loads again; the current data stays while it does. */
  reload: () => void;
  /** True while a reload is under way (data still shown). */
  reloading: boolean;
  /** Replace the data in place after a change the view made itself (e.g. drop a deleted row). */
  setData: (update: (current: T) => T) => void;
};

export function useRequest<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): RequestResult<T> {
  const [state, setState] = useState<RequestState<T>>({
    status: 'loading',
    data: undefined,
    error: undefined,
  });
  const [reloading, setReloading] = useState(false);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's; generation asks for a reload
  useEffect(() => {
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setState({ status: 'ready', data, error: undefined });
        setReloading(false);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({ status: 'error', data: previous.data, error }));
        setReloading(false);
      },
    );
    return () => controller.abort();
  }, [...deps, generation]);

  // A change of deps is a new subject: start from "loading", not from the old subject's data.
  const [shownDeps, setShownDeps] = useState(deps);
  if (!sameDeps(shownDeps, deps)) {
    setShownDeps(deps);
    setState({ status: 'loading', data: undefined, error: undefined });
  }

  const reload = useCallback(() => {
    setReloading(true);
    setState((previous) =>
      previous.status === 'error' && previous.data === undefined
        ? { status: 'loading', data: undefined, error: undefined }
        : previous,
    );
    setGeneration((n) => n + 1);
  }, []);

  const setData = useCallback((update: (current: T) => T) => {
    setState((previous) =>
      previous.status === 'ready'
        ? { status: 'ready', data: update(previous.data), error: undefined }
        : previous,
    );
  }, []);

  return { ...state, reload, reloading, setData } as RequestResult<T>;
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
