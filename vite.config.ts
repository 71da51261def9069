/**
 * The web app's build. Its source is `src/web/` (index.html, main.tsx); the output goes to `dist/web/`,
 * which the server serves. The server's Content-Security-Policy allows scripts and styles from its own
 * origin only, so the build must emit no inline script or style: the module-preload polyfill (an
 * inline-able snippet older browsers needed) is off, and every style lives in a CSS file.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    // `WEB_DIST_DIR` (see src/kernel/server/web-dist.ts) moves it, e.g. to build two copies side by side.
    outDir: process.env.WEB_DIST_DIR ? resolve(process.env.WEB_DIST_DIR) : '../../dist/web',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    // No `data:` URLs for assets: the CSP's font-src and the rest allow files from the origin only.
    assetsInlineLimit: 0,
  },
  server: {
    // `npm run dev:web` beside `npm start`: the API comes from the running server.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
