/**
 * The public recommendations linked to this indicator (the register's links), read through the
 * register's public API (`GET /api/v1/recommendations?indicator=…`) and its contract, never its code.
 */
import { defineMessages, useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { LinkedSection } from '../../../kernel/web/ui/index.ts';
import type { RecommendationList } from '../../recommendations/contract.ts';

const text = defineMessages('indicators-recommendations', {
  ko: { title: '이 지표로 측정하는 권고', empty: '이 지표에 연결된 공개 권고가 없습니다.' },
  en: {
    title: 'Recommendations this indicator measures',
    empty: 'No public recommendation is linked to this indicator.',
  },
});

export function LinkedRecommendations({ id }: { id: string }) {
  const t = useText(text);
  const language = useLanguage();
  return (
    <LinkedSection<RecommendationList>
      id="linked-recommendations"
      title={t('title')}
      empty={t('empty')}
      path={`/recommendations?indicator=${encodeURIComponent(id)}&limit=100`}
      links={(list) =>
        list.items.map((item) => ({
          key: item.id,
          to: `/recommendations/${item.id}`,
          label: item.text[language],
        }))
      }
    />
  );
}
