/** The cycle in progress (the one not closed), which the staff pages of its steps work on. */
import type { ReactNode } from 'react';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { Loaded, Notice } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Cycle } from '../contract.ts';
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
