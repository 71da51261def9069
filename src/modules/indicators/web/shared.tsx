/**
 * What the indicators' pages share: the progress method as the API states it (its labels name each
 * status, so the pages carry no second copy of them), and a value that may not be recorded yet.
 */
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { ProgressStatus, progressMethodSchema } from '../contract.ts';
import { indicatorsText } from './messages.ts';

export type ProgressMethod = z.infer<typeof progressMethodSchema>;

/** The name of a progress status in the page's language, from the method the API serves. */
export function progressLabel(
  method: ProgressMethod | undefined,
  status: ProgressStatus,
  language: 'ko' | 'en',
) {
  return method?.statuses.find((entry) => entry.status === status)?.label[language] ?? status;
}

export function useProgressMethod(): ProgressMethod | undefined {
  return useApiData<ProgressMethod>('/indicators/progress-method').data;
}

export function ProgressName({
  method,
  status,
}: {
  method: ProgressMethod | undefined;
  status: ProgressStatus;
}) {
  const language = useLanguage();
  return <>{progressLabel(method, status, language)}</>;
}

/** A value, or "not recorded" in words where the catalogue holds none. */
export function OrNotRecorded({ children }: { children: ReactNode }) {
  const t = useText(indicatorsText);
  return <>{children === null || children === undefined ? t('notRecorded') : children}</>;
}
