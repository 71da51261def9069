/**
 * A choice of several terms from a long vocabulary (charter articles, target groups, SDG targets,
 * departments), for any module's form that tags a record:
 * the chosen terms as a list, each with its own remove button, and a select with an add button for
 * the rest. A long vocabulary as checkboxes would be a wall of boxes to tab through; here the keyboard
 * reaches the select, picks by typing, and each change is said aloud.
 */
import { useRef, useState } from 'react';
import { useLanguage, useText } from '../../i18n/index.ts';
import { Button, Group, SelectField, useAnnounce } from '../../ui/index.ts';
import { vocabulariesText } from './messages.ts';
import type { Term } from './types.ts';

interface TermPickerProps {
  name: string;
  legend: string;
  error?: string | undefined;
  terms: readonly Term[];
  chosen: readonly string[];
  onChange: (codes: string[]) => void;
  /** Codes that mean something to people (SDG target 1.1) go before the name; slugs do not. */
  showCode?: boolean;
}

export function TermPicker({
  name,
  legend,
  error,
  terms,
  chosen,
  onChange,
  showCode = false,
}: TermPickerProps) {
  const t = useText(vocabulariesText);
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
      announce(t('pickerChooseFirst', { group: legend }));
      focusSelect();
      return;
    }
    onChange([...chosen, choice]);
    announce(t('pickerAdded', { term: labelOf(choice), group: legend }));
    setChoice('');
  };
  const remove = (code: string) => {
    onChange(chosen.filter((entry) => entry !== code));
    announce(t('pickerRemoved', { term: labelOf(code), group: legend }));
    focusSelect();
  };
  return (
    <Group name={name} legend={legend} error={error}>
      {chosen.length === 0 ? (
        <p>{t('pickerNoneChosen')}</p>
      ) : (
        <ul className="term-picker__chosen">
          {chosen.map((code) => (
            <li key={code}>
              <span lang={langOf(code)}>{labelOf(code)}</span>{' '}
              <Button variant="secondary" onClick={() => remove(code)}>
                {t('pickerRemove')}
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
          label={t('pickerAddLabel', { group: legend })}
          value={choice}
          onChange={setChoice}
          empty={t('pickerChoose')}
          options={terms
            .filter((term) => !chosen.includes(term.code))
            .map((term) => ({ value: term.code, label: labelOf(term.code) }))}
        />
        <Button variant="secondary" onClick={add}>
          {t('pickerAdd', { group: legend })}
        </Button>
      </div>
    </Group>
  );
}
