/** Entry point: builds the API client and renders the app into #root. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { createApi } from './api/endpoints';
import { App } from './app';
import { createUnauthorizedSignal } from './session/unauthorized-signal';
import './styles.css';

const unauthorized = createUnauthorizedSignal();
const api = createApi(createApiClient({ onUnauthorized: () => unauthorized.notify() }));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App api={api} unauthorized={unauthorized} />
  </StrictMode>,
);
