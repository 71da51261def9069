/**
 * A choice of several terms from a long vocabulary (charter articles, target groups, SDG targets):
 * the chosen terms as a list, each with its own remove button, and a select with an add button for
 * the rest. A long vocabulary as checkboxes would be a wall of boxes to tab through; here the keyboard
 * reaches the select, picks by typing, and each change is said aloud.
 */
import { useRef, useState } from 'react';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import type { Term } from '../../../kernel/web/pages/vocabularies/types.ts';
import { Button, Group, SelectField, useAnnounce } from '../../../kernel/web/ui/index.ts';
import { planStaffText } from './messages.ts';

interface TermPickerProps {
  name: string;
  legend: string;
  terms: readonly Term[];
  chosen: readonly string[];
  onChange: (codes: string[]) => void;
  /** Codes that mean something to people (SDG target 1.1) go before the name; slugs do not. */
  showCode?: boolean;
}

export function TermPicker({ name, legend, terms, chosen, onChange, showCode = false }: TermPickerProps) {
  const t = useText(planStaffText);
  const language = useLanguage();
  const announce = useAnnounce();
  const [choice, setChoice] = useState('');
  const select = useRef<HTMLDivElement>(null);
  const labelOf = (code: string) => {
    const term = terms.find((entry) => entry.code === code);
    if (!term) return code;
    return showCode ? `${term.code} ${term.name[language]}` : term.name[language];
  };
  // A term with no Korean text shows its English: say so, so that a screen reader pronounces it.
  const langOf = (code: string) =>
    language === 'ko' && terms.find((entry) => entry.code === code)?.koMissing ? 'en' : undefined;
  const focusSelect = () => select.current?.querySelector('select')?.focus();
  const add = () => {
    if (choice === '' || chosen.includes(choice)) {
      announce(t('chooseFirst', { group: legend }));
      focusSelect();
      return;
    }
    onChange([...chosen, choice]);
    announce(t('termAdded', { term: labelOf(choice), group: legend }));
    setChoice('');
  };
  const remove = (code: string) => {
    onChange(chosen.filter((entry) => entry !== code));
    announce(t('termRemoved', { term: labelOf(code), group: legend }));
    focusSelect();
  };
  return (
    <Group name={name} legend={legend}>
      {chosen.length === 0 ? (
        <p>{t('noneChosen')}</p>
      ) : (
        <ul className="plan-chosen">
          {chosen.map((code) => (
            <li key={code}>
              <span lang={langOf(code)}>{labelOf(code)}</span>{' '}
              <Button variant="secondary" onClick={() => remove(code)}>
                {t('remove')}
                <span className="visually-hidden" lang={langOf(code)}>
                  {' '}
                  {labelOf(code)}
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-actions" ref={select}>
        <SelectField
          name={`${name}-choice`}
          label={t('addTermLabel', { group: legend })}
          value={choice}
          onChange={setChoice}
          empty={t('choose')}
          options={terms
            .filter((term) => !chosen.includes(term.code))
            .map((term) => ({ value: term.code, label: labelOf(term.code) }))}
        />
        <Button variant="secondary" onClick={add}>
          {t('addTerm', { group: legend })}
        </Button>
      </div>
    </Group>
  );
}
