/** One public recommendation: its source, each department's answer, and its timeline. */
import { Link, useParams } from 'react-router';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Recommendation } from '../contract.ts';
import { recommendationsText } from './messages.ts';
import { trackerPath } from './paths.ts';
import { RecommendationDetails } from './shared.tsx';
import { TraceSection } from './trace-section.tsx';
import './recommendations.css';

export default function RecommendationPage() {
  const t = useText(recommendationsText);
  const { id = '' } = useParams();
  const state = useApiData<Recommendation>(`/recommendations/${encodeURIComponent(id)}`);
  // The title is known before the record loads, so the page always has its one h1.
  return (
    <Page title={t('recordTitle')}>
      <p>
        <Link to={trackerPath}>{t('back')}</Link>
      </p>
      <Loaded state={state}>
        {(record) => (
          <RecommendationDetails record={record} timeline={<TraceSection record={record} staff={false} />} />
        )}
      </Loaded>
    </Page>
  );
}
