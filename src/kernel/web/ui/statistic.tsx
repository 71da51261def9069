/**
 * A published count as every statistics page shows it (`kernel/shared/statistic.ts`): the number,
 * "<5" spelt out for a screen reader, or "not recorded" in words, never a 0 or "<5" for a figure
 * nobody counted.
 */
import type { Statistic } from '../../shared/statistic.ts';
import { defineMessages, useText } from '../i18n/index.ts';
import { formatNumber } from './format.ts';

const statisticText = defineMessages('statistic', {
  ko: { fewerThanFive: '5건 미만', notRecorded: '기록 없음' },
  en: { fewerThanFive: 'Fewer than 5', notRecorded: 'Not recorded' },
});

export function StatisticText({ value }: { value: Statistic }) {
  const t = useText(statisticText);
  if (value.kind === 'suppressed') return <abbr title={t('fewerThanFive')}>&lt;5</abbr>;
  if (value.kind === 'not_recorded') return <>{t('notRecorded')}</>;
  return <>{formatNumber(value.value)}</>;
}
