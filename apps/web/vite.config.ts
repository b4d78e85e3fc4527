// Vite build of the browser client: `npm run build:web` writes dist/web, which the api serves at /
// (with SPA fallback). `npx vite --config apps/web/vite.config.ts` runs a dev server that proxies
// the API and socket.io to an api on :3000.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// API_URL points the dev proxy at another api (default: npm start on :3000).
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  publicDir: here('./public'),
  plugins: [react()],
  resolve: {
    alias: { '@mutuals/contracts': here('../../libs/contracts/src') },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    // Maps are for local debugging builds; production serves none.
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      // Host is kept as the dev server's, so the api's Origin check sees a same-origin request.
      '/api': { target: api },
      '/socket.io': { target: api, ws: true },
    },
  },
});
