/**
 * The decision as the case file keeps it: the outcome, the facts as the ombudsman wrote them, the
 * grounds, the date and who signed it with their appointment's title (the printable decision, linked
 * under Documents, says the same).
 */
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { formatDateTime } from '../../../kernel/web/ui/index.ts';
import type { CaseView } from '../contract.ts';
import { caseFileText } from './case-file-messages.ts';
import { ombudsmanText } from './messages.ts';

export function DecisionSection({ view }: { view: CaseView }) {
  const t = useText(caseFileText);
  const publicText = useText(ombudsmanText);
  const language = useLanguage();
  if (!view.decision) return null;
  return (
    <section className="section" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('decisionTitle')}</h2>
      <dl className="definition-list">
        <dt>{t('decisionTitle')}</dt>
        <dd>{publicText(`outcome_${view.decision}`)}</dd>
        {view.decidedAt ? (
          <>
            <dt>{t('decidedAt')}</dt>
            <dd>{formatDateTime(view.decidedAt, language)}</dd>
          </>
        ) : null}
        {view.signatory ? (
          <>
            <dt>{t('signatory')}</dt>
            <dd>
              {t(view.signatory.standing ? 'standingOmbudsman' : 'nonStandingOmbudsman', {
                name: view.signatory.name,
              })}
            </dd>
          </>
        ) : null}
        <dt>{t('facts')}</dt>
        <dd className="pre-wrap">{view.decisionFacts ?? '–'}</dd>
        <dt>{t('grounds')}</dt>
        <dd className="pre-wrap">{view.decisionGrounds ?? '–'}</dd>
      </dl>
    </section>
  );
}
