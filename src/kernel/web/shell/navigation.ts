/**
 * The staff pages a role can use, grouped by the module their items come from: the header's staff
 * menu and the staff dashboard show the same groups, in the same order, so that the dashboard is the
 * full map and the menu the quick way to it. The kernel's own services (accounts, vocabularies, the
 * audit trail…) are one group, "Workspace", ahead of the domain modules.
 */
import type { Role } from '../../shared/roles.ts';
import { useLanguage, useText } from '../i18n/index.ts';
import { shellText } from '../i18n/shell.ts';
import { type NavigationItem, useWebModules } from '../module.ts';
import { kernelWebModules } from '../pages/modules.ts';

export interface NavigationGroup {
  /** Stable and unique among the groups: a base for element ids. */
  key: string;
  title: string;
  items: readonly { path: string; label: string }[];
}

const kernelModuleNames = new Set(kernelWebModules.map((module) => module.name));
const workspaceKey = 'workspace';

/** The groups of staff items `role` may use, in the current language; empty groups are left out. */
export function useStaffNavigation(role: Role | undefined): NavigationGroup[] {
  const modules = useWebModules();
  const language = useLanguage();
  const t = useText(shellText);
  if (!role) return [];
  const forRole = (items: readonly NavigationItem[]) =>
    items
      .filter((item) => item.roles?.includes(role))
      .map((item) => ({ path: item.path, label: item.label[language] }));

  const workspace: NavigationGroup = {
    key: workspaceKey,
    title: t('workspace'),
    items: forRole(
      modules.filter((module) => kernelModuleNames.has(module.name)).flatMap((m) => m.navigation),
    ),
  };
  const domain = modules
    .filter((module) => !kernelModuleNames.has(module.name))
    .map((module) => ({
      key: module.name,
      title: module.title[language],
      items: forRole(module.navigation),
    }));
  return [workspace, ...domain].filter((group) => group.items.length > 0);
}
