/** Starts the web app: the session, the announcer and the router built from the web manifests. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import type { WebModule } from './module.ts';
import { createRouter } from './router.tsx';
import { SessionProvider } from './session.tsx';
import { AnnouncerProvider } from './ui/live-region.tsx';
import './styles.css';

export function startApp(container: HTMLElement, modules: readonly WebModule[]): void {
  const router = createRouter(modules);
  createRoot(container).render(
    <StrictMode>
      <SessionProvider>
        <AnnouncerProvider>
          <RouterProvider router={router} />
        </AnnouncerProvider>
      </SessionProvider>
    </StrictMode>,
  );
}
