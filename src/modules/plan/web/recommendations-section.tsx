/**
 * The public recommendations linked to this task (the register's links), read through the
 * register's public API (`GET /api/v1/recommendations?task=…`) and its contract, never its code.
 */
import { Link } from 'react-router';
import { defineMessages, useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { Loaded } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { RecommendationList } from '../../recommendations/contract.ts';

const text = defineMessages('plan-recommendations', {
  ko: { title: '이 과제로 이행하는 권고', empty: '이 과제에 연결된 공개 권고가 없습니다.' },
  en: {
    title: 'Recommendations this task implements',
    empty: 'No public recommendation is linked to this task.',
  },
});

export function LinkedRecommendations({ id }: { id: string }) {
  const t = useText(text);
  const language = useLanguage();
  const state = useApiData<RecommendationList>(`/recommendations?task=${encodeURIComponent(id)}&limit=100`);
  return (
    <section className="section" aria-labelledby="linked-recommendations">
      <h2 id="linked-recommendations">{t('title')}</h2>
      <Loaded state={state}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <ul>
              {list.items.map((item) => (
                <li key={item.id}>
                  <Link to={`/recommendations/${item.id}`}>{item.text[language]}</Link>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
