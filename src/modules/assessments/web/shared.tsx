/** What the assessments pages share: names of kinds, steps and responses, and a score in words. */
import { ApiError } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { formatNumber } from '../../../kernel/web/ui/index.ts';
import type { ResponseKind, Step, SubjectKind } from '../contract.ts';
import { assessmentsText } from './messages.ts';

export function KindName({ kind }: { kind: SubjectKind }) {
  const t = useText(assessmentsText);
  return <>{t(`kind_${kind}`)}</>;
}

export function StepName({ step }: { step: Step }) {
  const t = useText(assessmentsText);
  return <>{t(`step_${step}`)}</>;
}

export function ResponseName({ response }: { response: ResponseKind | null }) {
  const t = useText(assessmentsText);
  return <>{response ? t(`response_${response}`) : t('noResponse')}</>;
}

export function ScoreText({ score }: { score: number | null }) {
  const t = useText(assessmentsText);
  return <>{score === null ? t('noScore') : formatNumber(score)}</>;
}

/**
 * Several forms of one page share field names (every checklist item has a rating): their controls are
 * named `<scope>-<field>` so that ids stay unique, and the server's `body.<field>` errors are renamed
 * to match, so that each lands on its own form's field.
 */
export function scopedErrors(scope: string, action: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await action();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      throw new ApiError(
        error.status,
        error.code,
        error.title,
        error.errors.map((entry) => ({
          ...entry,
          field: entry.field.replace(/^body\.(.+)$/, `body.${scope}-$1`),
        })),
      );
    }
  };
}
