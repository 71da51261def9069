/**
 * Where the built web app is: `dist/web/` by default. `WEB_DIST_DIR` moves it, so that two working
 * copies of the build (two people testing web pages side by side on one checkout) do not overwrite
 * each other; `vite.config.ts` reads the same variable.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webDistDir = process.env.WEB_DIST_DIR
  ? resolve(process.env.WEB_DIST_DIR)
  : fileURLToPath(new URL('../../../dist/web/', import.meta.url));
