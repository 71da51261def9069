/**
 * A task's milestones as rows the office adds and removes: each row a fieldset (date, Korean and
 * English text) named "Milestone n", its fields named as the API names them (`milestones.0.date`), so
 * that a server error lands on its own field and the error summary links there. Adding moves focus
 * to the new row's date; removing moves it to the row that took its place (or the add button), and
 * both are said aloud.
 */
import { useEffect, useRef } from 'react';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { Button, Group, TextField, useAnnounce } from '../../../kernel/web/ui/index.ts';
import type { MilestoneInput } from '../contract.ts';
import { planStaffText } from './messages.ts';

/** A row being edited; `key` keeps React's rows apart when one in the middle goes. */
export type MilestoneRow = MilestoneInput & { key: number };

let nextKey = 0;
export const milestoneRow = (milestone: MilestoneInput = { date: '', ko: '', en: '' }): MilestoneRow => ({
  ...milestone,
  key: nextKey++,
});

const parts = [
  { part: 'date', label: 'milestoneDate', type: 'date' },
  { part: 'ko', label: 'milestoneKo', type: 'text' },
  { part: 'en', label: 'milestoneEn', type: 'text' },
] as const;

/** The form's field names for `count` rows, for `useForm`. */
export const milestoneFieldNames = (count: number) =>
  Array.from({ length: count }, (_, index) => parts.map(({ part }) => `milestones.${index}.${part}`)).flat();

interface MilestonesFieldProps {
  rows: readonly MilestoneRow[];
  onChange: (rows: MilestoneRow[]) => void;
  errorFor: (name: string) => string | undefined;
}

export function MilestonesField({ rows, onChange, errorFor }: MilestonesFieldProps) {
  const t = useText(planStaffText);
  const announce = useAnnounce();
  const container = useRef<HTMLDivElement>(null);
  /** Where focus goes once the rows have been drawn again: a row's index, or -1 for the add button. */
  const focusAfter = useRef<number | null>(null);

  useEffect(() => {
    const target = focusAfter.current;
    if (target === null) return;
    focusAfter.current = null;
    const element =
      target < 0
        ? container.current?.querySelector<HTMLElement>('[data-add-milestone]')
        : document.getElementById(`field-milestones.${target}.date`);
    element?.focus();
  });

  const update = (index: number, part: keyof MilestoneInput, value: string) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, [part]: value } : row)));
  const add = () => {
    focusAfter.current = rows.length;
    onChange([...rows, milestoneRow()]);
    announce(t('milestoneAdded', { number: rows.length + 1 }));
  };
  const remove = (index: number) => {
    const rest = rows.filter((_, at) => at !== index);
    focusAfter.current = rest.length === 0 ? -1 : Math.min(index, rest.length - 1);
    onChange(rest);
    announce(t('milestoneRemoved', { number: index + 1, count: rest.length }));
  };

  return (
    <Group
      name="milestones"
      legend={t('milestones')}
      hint={t('milestonesHint')}
      error={errorFor('milestones')}
    >
      <div ref={container}>
        {rows.length === 0 ? <p>{t('noMilestones')}</p> : null}
        {rows.map((row, index) => (
          <Group key={row.key} name={`milestone-${row.key}`} legend={t('milestone', { number: index + 1 })}>
            {parts.map(({ part, label, type }) => (
              <TextField
                key={part}
                name={`milestones.${index}.${part}`}
                label={t(label)}
                type={type}
                value={row[part]}
                onChange={(value) => update(index, part, value)}
                error={errorFor(`milestones.${index}.${part}`)}
                required
              />
            ))}
            <Button variant="secondary" onClick={() => remove(index)}>
              {t('removeMilestone', { number: index + 1 })}
            </Button>
          </Group>
        ))}
        <Button variant="secondary" onClick={add} data-add-milestone="">
          {t('addMilestone')}
        </Button>
      </div>
    </Group>
  );
}
