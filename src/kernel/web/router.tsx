/**
 * The router, built from the web manifests: every module's routes become lazy routes (each page its
 * own chunk, loaded on first visit) inside the shell's layout, with the page's access checked in the
 * browser; whatever no module claims is the 404 page.
 */
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Bilingual } from '../shared/language.ts';
import { withCity } from './city.ts';
import { type WebModule, WebModulesProvider, type WebRoute } from './module.ts';
import { Layout } from './shell/layout.tsx';
import { RequireAccess } from './shell/require-access.tsx';
import { NotFoundPage, PageLoading, RouteErrorPage } from './shell/status-pages.tsx';

function toRoute(route: WebRoute): RouteObject {
  return {
    path: route.path,
    async lazy() {
      const { default: PageComponent } = await route.page();
      if (route.access === 'public') return { Component: PageComponent };
      return {
        element: (
          <RequireAccess access={route.access}>
            <PageComponent />
          </RequireAccess>
        ),
      };
    },
  };
}

const cityWords = (text: Bilingual): Bilingual => ({ ko: withCity(text.ko), en: withCity(text.en) });

/** A manifest's title and menu labels with the city's names written in (`{{cityKo}}` and the like). */
function forTheCity(module: WebModule): WebModule {
  return {
    ...module,
    title: cityWords(module.title),
    navigation: module.navigation.map((item) => ({ ...item, label: cityWords(item.label) })),
  };
}

export function createRouter(manifests: readonly WebModule[]) {
  const modules = manifests.map(forTheCity);
  return createBrowserRouter([
    {
      element: (
        <WebModulesProvider value={modules}>
          <Layout />
        </WebModulesProvider>
      ),
      children: [
        {
          // Inside the layout, so that while the first page's code loads, and when a page fails, the
          // header, the menus and the skip link are there.
          hydrateFallbackElement: <PageLoading />,
          errorElement: <RouteErrorPage />,
          children: [
            ...modules.flatMap((module) => module.routes.map(toRoute)),
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ]);
}
