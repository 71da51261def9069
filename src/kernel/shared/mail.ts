/** The mail outbox as the admin's page reads it (shared by server and web). */
import { z } from 'zod';

export const outboxStatuses = ['queued', 'sending', 'sent', 'failed'] as const;

export const outboxQuerySchema = z.strictObject({
  status: z.enum(outboxStatuses).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  lang: z.enum(['ko', 'en']).optional(),
});

export const outboxEntrySchema = z.object({
  id: z.string(),
  /** `notification` (one, at once) or `digest` (a user's day of them). */
  kind: z.enum(['notification', 'digest']),
  notificationKind: z.string().nullable(),
  digestDate: z.string().nullable(),
  recipient: z.string().nullable(),
  status: z.enum(outboxStatuses),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  /** The SMTP server's reply or the error of the last failed attempt. */
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const outboxPageSchema = z.object({
  entries: z.array(outboxEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OutboxPage = z.infer<typeof outboxPageSchema>;
