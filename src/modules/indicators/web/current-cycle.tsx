/**
 * The cycle a step's page works on: the year asked for in the address (`?year=`), else the one in
 * progress, else the latest (so a closed year stays reachable, read-only, instead of "no cycle"). A
 * year picker above it opens any other year's cycle.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import {
  Button,
  type Column,
  formatDateTime,
  Loaded,
  Notice,
  SelectField,
} from '../../../kernel/web/ui/index.ts';
import { type ApiData, useApiData } from '../../../kernel/web/use-api.ts';
import type { Cycle, IndicatorSummary, Overview } from '../contract.ts';
import { indicatorsCycleText } from './cycle-messages.ts';
import { indicatorsStaffText } from './staff-messages.ts';

/** The year asked for in the address, if any. */
export function useAskedYear(): number | null {
  const [params] = useSearchParams();
  const asked = params.get('year');
  return asked && /^\d{4}$/.test(asked) ? Number(asked) : null;
}

/** The cycle shown when the address asks for none: the one in progress, else the latest. */
export function defaultCycle(cycles: readonly Cycle[]): Cycle | undefined {
  return cycles.find((cycle) => cycle.step !== 'closed') ?? cycles[0];
}

/** Chooses which year's cycle the page shows, by putting it in the address. */
export function YearPicker({ cycles, chosen }: { cycles: readonly Cycle[]; chosen: number }) {
  const t = useText(indicatorsCycleText);
  const staff = useText(indicatorsStaffText);
  const [, setParams] = useSearchParams();
  const [year, setYear] = useState(String(chosen));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setParams((params) => {
      params.set('year', year);
      return params;
    });
  };
  return (
    <form noValidate onSubmit={onSubmit} className="form year-picker">
      <SelectField
        name="cycleYear"
        label={t('chooseYear')}
        hint={t('chooseYearHint')}
        value={year}
        onChange={setYear}
        options={cycles.map((cycle) => ({
          value: String(cycle.year),
          label: t('cycleOption', { year: cycle.year, step: staff(`step_${cycle.step}`) }),
        }))}
      />
      <Button type="submit" variant="secondary">
        {t('showYear')}
      </Button>
    </form>
  );
}

export function WithCurrentCycle({ children }: { children: (cycle: Cycle) => ReactNode }) {
  const t = useText(indicatorsCycleText);
  const state = useApiData<{ cycles: Cycle[] }>('/indicators/cycles');
  const asked = useAskedYear();
  return (
    <Loaded state={state}>
      {({ cycles }) => {
        const chosen = asked === null ? defaultCycle(cycles) : cycles.find((cycle) => cycle.year === asked);
        if (cycles.length === 0) return <Notice>{t('noCycleYet')}</Notice>;
        const shown = chosen?.year ?? asked ?? 0;
        return (
          <>
            <YearPicker key={shown} cycles={cycles} chosen={shown} />
            {chosen === undefined ? (
              <Notice>{t('noSuchCycle', { year: shown })}</Notice>
            ) : (
              <>
                {chosen.step === 'closed' ? (
                  <Notice>{t('closedReadOnly', { year: chosen.year })}</Notice>
                ) : null}
                {children(chosen)}
              </>
            )}
          </>
        );
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

/** A table column saying who saved a record last and when ("not saved" until then). */
export function useSavedByColumn<
  Row extends { savedBy: string | null; savedAt: string | null },
>(): Column<Row> {
  const c = useText(indicatorsCycleText);
  const language = useLanguage();
  return {
    key: 'savedBy',
    header: c('savedByColumn'),
    cell: (row) =>
      row.savedAt === null
        ? c('notSaved')
        : c('savedBy', { name: row.savedBy ?? '', at: formatDateTime(row.savedAt, language) }),
  };
}
