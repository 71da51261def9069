/**
 * The known kinds of notification: whatever the registered modules declare in their manifests
 * (`notificationKinds`), so the kernel lists them without knowing any module.
 */
import type { NotificationKind, ServerModule } from '../module.ts';

export function notificationKinds(modules: readonly ServerModule[]): readonly NotificationKind[] {
  const seen = new Map<string, NotificationKind>();
  for (const module of modules) {
    for (const entry of module.notificationKinds ?? []) {
      if (seen.has(entry.kind)) throw new Error(`Notification kind ${entry.kind} is declared twice.`);
      if (!entry.kind.startsWith(`${module.name}.`)) {
        throw new Error(
          `Notification kind ${entry.kind} of module ${module.name} must start with "${module.name}."`,
        );
      }
      seen.set(entry.kind, entry);
    }
  }
  return [...seen.values()];
}
