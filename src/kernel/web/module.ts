/**
 * A module's web manifest: its pages (loaded on demand, so a public page carries no staff code) and
 * its navigation. The router and the menus loop over the manifests listed in `src/web/modules.ts` and
 * know no module by name. The server enforces access on every API call regardless; `access` here only
 * decides what the browser shows (a sign-in redirect, or a "not allowed" page).
 */
import { type ComponentType, createContext, useContext } from 'react';
import type { Bilingual } from '../shared/language.ts';
import type { Role } from '../shared/roles.ts';

/** Same vocabulary as the server's route access: anyone, any signed-in user, or some roles. */
export type PageAccess = 'public' | 'authenticated' | { roles: readonly Role[] };

export interface WebRoute {
  /** A react-router path, e.g. `/vocabularies/:vocabulary`. */
  path: string;
  access: PageAccess;
  /** Loads the page component (a dynamic import, so that it becomes its own chunk). */
  page: () => Promise<{ default: ComponentType }>;
}

export interface NavigationItem {
  path: string;
  label: Bilingual;
  /** Who sees the item; omitted means everyone, signed in or not (the public menu). */
  roles?: readonly Role[];
}

export interface WebModule {
  /** The module's name, as on the server (tagged records name their module by it). */
  name: string;
  /** What the module is called on screen, e.g. where a term's page groups records by module. */
  title: Bilingual;
  routes: readonly WebRoute[];
  navigation: readonly NavigationItem[];
}

export function canAccess(access: PageAccess, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'authenticated' || access.roles.includes(role);
}

const WebModulesContext = createContext<readonly WebModule[]>([]);

export const WebModulesProvider = WebModulesContext.Provider;

/** Every registered web module, for pages that loop over them (and know none by name). */
export function useWebModules(): readonly WebModule[] {
  return useContext(WebModulesContext);
}
