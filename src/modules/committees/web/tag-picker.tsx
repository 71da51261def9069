/**
 * A meeting's tags from the shared vocabularies (charter articles, target groups, SDG targets,
 * departments): per vocabulary a list to pick a term from and a button that adds it, and the chosen
 * terms, each with a button that removes it. A term picked with the arrow keys is added only by the
 * button, so browsing a list never adds anything. The server checks the terms again.
 */
import { useState } from 'react';
import type { TagInput, Term } from '../../../kernel/server/vocabularies/contract.ts';
import type { Language } from '../../../kernel/shared/language.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { Button, Group, SelectField } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { committeesText } from './messages.ts';

interface TermList {
  vocabulary: { id: string; name: { ko: string; en: string } };
  terms: Term[];
}

/** The vocabularies a meeting is tagged with, each as it loaded (public, cached by the browser). */
export function useTagVocabularies(): TermList[] {
  const rights = useApiData<TermList>('/vocabularies/rights');
  const groups = useApiData<TermList>('/vocabularies/target-groups');
  const targets = useApiData<TermList>('/vocabularies/sdg-targets');
  const departments = useApiData<TermList>('/vocabularies/departments');
  return [rights, groups, targets, departments].flatMap((list) => (list.data ? [list.data] : []));
}

/** A term's name as a list shows it: an SDG target with its number, a long text cut short. */
export function termLabel(term: Term, language: Language): string {
  const name = term.name[language];
  const short = name.length > 90 ? `${name.slice(0, 89)}…` : name;
  return term.vocabulary === 'sdg-targets' ? `${term.code} ${short}` : short;
}

export function findTerm(lists: readonly TermList[], tag: TagInput): Term | undefined {
  return lists
    .find((list) => list.vocabulary.id === tag.vocabulary)
    ?.terms.find((term) => term.code === tag.code);
}

export function TagPicker({
  value,
  onChange,
  error,
}: {
  value: readonly TagInput[];
  onChange: (tags: TagInput[]) => void;
  error: string | undefined;
}) {
  const t = useText(committeesText);
  const language = useLanguage();
  const lists = useTagVocabularies();
  const [picked, setPicked] = useState<Record<string, string>>({});
  const chosen = new Set(value.map((tag) => `${tag.vocabulary}/${tag.code}`));
  const nameOf = (tag: TagInput) => {
    const term = findTerm(lists, tag);
    return term ? termLabel(term, language) : tag.code;
  };
  return (
    <Group name="tags" legend={t('tags')} hint={t('tagsHint')} error={error}>
      {value.length === 0 ? (
        <p>{t('noTags')}</p>
      ) : (
        <ul className="tag-list">
          {value.map((tag) => (
            <li key={`${tag.vocabulary}/${tag.code}`}>
              {nameOf(tag)}{' '}
              <Button
                variant="secondary"
                aria-label={t('removeTag', { name: nameOf(tag) })}
                onClick={() => onChange(value.filter((other) => other !== tag))}
              >
                {t('remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {lists
        .filter((list) => list.terms.length > 0)
        .map((list) => {
          const vocabulary = list.vocabulary.id;
          const name = list.vocabulary.name[language];
          const code = picked[vocabulary] ?? '';
          return (
            <div key={vocabulary} className="inline-actions">
              <SelectField
                name={`tag-${vocabulary}`}
                label={name}
                value={code}
                onChange={(next) => setPicked((current) => ({ ...current, [vocabulary]: next }))}
                empty="—"
                options={list.terms
                  .filter((term) => !chosen.has(`${vocabulary}/${term.code}`))
                  .map((term) => ({ value: term.code, label: termLabel(term, language) }))}
              />
              <Button
                variant="secondary"
                aria-label={t('addTag', { vocabulary: name })}
                disabled={code === ''}
                onClick={() => {
                  onChange([...value, { vocabulary: vocabulary as TagInput['vocabulary'], code }]);
                  setPicked((current) => ({ ...current, [vocabulary]: '' }));
                }}
              >
                {t('add')}
              </Button>
            </div>
          );
        })}
    </Group>
  );
}
