/**
 * A meeting's or a recommendation's tags from the shared vocabularies (charter articles, target
 * groups, SDG targets, departments): one kernel term picker per vocabulary, inside one group that
 * carries the server's error for `tags`. The server checks the terms again.
 */
import type { TagInput, Term } from '../../../kernel/server/vocabularies/contract.ts';
import type { Language } from '../../../kernel/shared/language.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { TermPicker } from '../../../kernel/web/pages/vocabularies/term-picker.tsx';
import { Group } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { committeesText } from './messages.ts';

interface TermList {
  vocabulary: { id: TagInput['vocabulary']; name: { ko: string; en: string } };
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
  return (
    <Group name="tags" legend={t('tags')} hint={t('tagsHint')} error={error}>
      {lists
        .filter((list) => list.terms.length > 0)
        .map(({ vocabulary, terms }) => (
          <TermPicker
            key={vocabulary.id}
            name={`tags-${vocabulary.id}`}
            legend={vocabulary.name[language]}
            terms={terms}
            chosen={value.filter((tag) => tag.vocabulary === vocabulary.id).map((tag) => tag.code)}
            showCode={vocabulary.id === 'sdg-targets'}
            onChange={(codes) =>
              onChange([
                ...value.filter((tag) => tag.vocabulary !== vocabulary.id),
                ...codes.map((code) => ({ vocabulary: vocabulary.id, code })),
              ])
            }
          />
        ))}
    </Group>
  );
}
