/**
 * "My work" and notifications: the shapes the server sends and the web app reads (shared by both).
 * A module contributes work items through its manifest (`work`); the kernel's notifications service
 * keeps each user's notifications and mails them. Neither knows a module by name: an item's `kind` is
 * `<module>.<what>` (e.g. `recommendations.answer`) and its words come with it, in both languages.
 */
import { z } from 'zod';
import { languages } from './language.ts';

const bilingual = z.object({ ko: z.string(), en: z.string() });
const isoDate = z.iso.date();

/** Where an item stands against its due date, as of the city's today. */
export const dueStates = ['none', 'upcoming', 'due_soon', 'due_today', 'overdue'] as const;
export type DueState = (typeof dueStates)[number];

/** One piece of work waiting for a user or their department. */
export const workItemSchema = z.object({
  /** Unique across modules and stable while the work waits: `<module>:<record>:<step>`. */
  key: z.string(),
  /** `<module>.<what>`, e.g. `recommendations.answer`, `plan.progress_report`. */
  kind: z.string(),
  /** The module's name, for grouping. */
  module: z.string(),
  title: bilingual,
  /** What is to be done, e.g. "Answer the recommendation". */
  action: bilingual,
  /** The department the work belongs to, when it is a department's. */
  departmentCode: z.string().nullable(),
  dueOn: isoDate.nullable(),
  dueState: z.enum(dueStates),
  /** The web app's path where the work is done. */
  path: z.string(),
});
export type WorkItem = z.infer<typeof workItemSchema>;

export const myWorkSchema = z.object({
  /** The city's today, the date `dueState` was computed against. */
  today: isoDate,
  items: z.array(workItemSchema),
});
export type MyWork = z.infer<typeof myWorkSchema>;

/** How a user wants one kind of notification. */
export const deliveryChoices = ['in_app', 'email', 'digest'] as const;
export type DeliveryChoice = (typeof deliveryChoices)[number];

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: bilingual,
  /** The web app's path of the record it is about. */
  path: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/**
 * A user's choice per kind (a kind they have not chosen for shows its default, immediate mail), and
 * the language their mail is written in: the one place a user sets it.
 */
export const notificationPreferencesSchema = z.object({
  language: z.enum(languages),
  kinds: z.array(z.object({ kind: z.string(), label: bilingual, choice: z.enum(deliveryChoices) })),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
