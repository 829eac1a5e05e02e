import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ at `/`; in development Vite proxies /api to a server on 8101.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:8101' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
