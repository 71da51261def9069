/** Every shared vocabulary, with what it is for and how many terms it has. */

import { Link } from 'react-router';
import { useText } from '../../i18n/index.ts';
import { Loaded, Localized, Page } from '../../ui/index.ts';
import { useApiData } from '../../use-api.ts';
import { vocabulariesText } from './messages.ts';
import type { VocabularyList } from './types.ts';

export default function VocabulariesPage() {
  const t = useText(vocabulariesText);
  const state = useApiData<VocabularyList>('/vocabularies');
  return (
    <Page title={t('indexTitle')} lead={<p>{t('indexLead')}</p>}>
      <Loaded state={state}>
        {({ vocabularies }) => (
          <ul className="card-list">
            {vocabularies.map((vocabulary) => (
              <li key={vocabulary.id} className="card">
                <h2>
                  <Link to={`/vocabularies/${vocabulary.id}`}>
                    <Localized text={vocabulary.name} />
                  </Link>
                </h2>
                <p>
                  <Localized text={vocabulary.description} />
                </p>
                <p className="meta">{t('termCount', { count: vocabulary.termCount })}</p>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Page>
  );
}
