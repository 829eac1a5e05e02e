/** Hands the typed API to every component; main.tsx creates it once and passes it in. */
import { createContext, type ReactNode, useContext } from 'react';
import type { Api } from './endpoints';

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The typed API: `const api = useApi(); await api.apiKeys.list(workspaceId)`. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it (see main.tsx)');
  return api;
}
