import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const serverPort = Number(process.env.PORT ?? 3000);

// The client is built into dist/client and served by the Node server in production.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  resolve: {
    // One Yjs instance only: two copies break `instanceof` checks and corrupt documents silently.
    dedupe: ['yjs', 'y-protocols', 'lib0'],
  },
  build: {
    // CLIENT_OUT_DIR lets parallel checkouts or test runs build side by side; the server reads CLIENT_DIR.
    outDir: path.resolve(process.env.CLIENT_OUT_DIR ?? 'dist/client'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://localhost:${serverPort}`,
      '/healthz': `http://localhost:${serverPort}`,
      '/collab': { target: `ws://localhost:${serverPort}`, ws: true },
    },
  },
});
