/** The cycle in progress (the one not closed), which the staff pages of its steps work on. */
import type { ReactNode } from 'react';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import { Loaded, Notice } from '../../../kernel/web/ui/index.ts';
import { type ApiData, useApiData } from '../../../kernel/web/use-api.ts';
import type { Cycle, IndicatorSummary, Overview } from '../contract.ts';
import { indicatorsStaffText } from './staff-messages.ts';

export function WithCurrentCycle({ children }: { children: (cycle: Cycle) => ReactNode }) {
  const t = useText(indicatorsStaffText);
  const state = useApiData<{ cycles: Cycle[] }>('/indicators/cycles');
  return (
    <Loaded state={state}>
      {({ cycles }) => {
        const current = cycles.find((cycle) => cycle.step !== 'closed');
        return current ? children(current) : <Notice>{t('noOpenCycle')}</Notice>;
      }}
    </Loaded>
  );
}

/** A breakdown in words: "Total", or its disaggregation values (and series and unit, when set). */
export function breakdownLabel(
  row: { series: string | null; unit: string | null; dimensions: Record<string, string> },
  total: string,
): string {
  const parts = [
    ...(row.series ? [row.series] : []),
    ...(row.unit ? [row.unit] : []),
    ...Object.entries(row.dimensions).map(([column, value]) => `${column} ${value}`),
  ];
  return parts.length === 0 ? total : parts.join(', ');
}

/**
 * The indicators whose data the reader enters (the office all, a department those it is responsible
 * for, as the API's policy has it), narrowed by `keep`; with the catalogue's loading state.
 */
export function useDataEntryIndicators(keep: (indicator: IndicatorSummary) => boolean = () => true): {
  overview: ApiData<Overview>;
  indicators: IndicatorSummary[];
} {
  const { user } = useSession();
  const overview = useApiData<Overview>('/indicators');
  const indicators = (overview.data?.areas ?? [])
    .flatMap((area) => area.indicators)
    .filter(
      (indicator) =>
        keep(indicator) &&
        (user?.role !== 'department' ||
          (user.departmentCode !== null && indicator.responsibleDepartment === user.departmentCode)),
    );
  return { overview, indicators };
}

/** Indicators as the choices of a select: code and name. */
export function indicatorOptions(
  indicators: readonly { code: string; name: { ko: string; en: string } }[],
  language: 'ko' | 'en',
): { value: string; label: string }[] {
  return indicators.map((indicator) => ({
    value: indicator.code,
    label: `${indicator.code} ${indicator.name[language]}`,
  }));
}
