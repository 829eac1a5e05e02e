/**
 * Connects the API client (created first, in main.tsx) to the session (a React provider): the client calls
 * `notify()` on a 401, the session `subscribe()`s and shows the sign-in page.
 */
export interface UnauthorizedSignal {
  notify(): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void;
}

export function createUnauthorizedSignal(): UnauthorizedSignal {
  const listeners = new Set<() => void>();
  return {
    notify() {
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
