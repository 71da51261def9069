/**
 * The outcome on the public status page, in plain words: what was decided, with the kind of reason or
 * where the complaint was sent, and whether recommendations were made and how they were answered.
 * It names nobody: the server sends kinds only (no department, no text of the case).
 */
import { defineMessages, useText } from '../../../kernel/web/i18n/index.ts';
import type { PublicOutcome } from '../contract.ts';

export const outcomeText = defineMessages('ombudsman-outcome', {
  ko: {
    outcomeTitle: '결과',
    kind_not_admissible: '조사하지 않기로 했습니다(각하).',
    kind_referred: '다른 기관이 맡아 처리하도록 보냈습니다(이송).',
    kind_violation_found: '조사 결과 인권침해가 있었다고 판단했습니다.',
    kind_violation_not_found: '조사 결과 인권침해가 있었다고 보기 어렵다고 판단했습니다.',
    kind_conciliated: '당사자 사이에 조정(합의)이 이루어졌습니다.',
    kind_withdrawn: '진정이 취하되어 처리를 마쳤습니다.',
    reasonLabel: '사유',
    reason_outside_mandate: '인권옴부즈맨이 다룰 수 있는 일이 아닙니다.',
    reason_private_dispute: '개인 사이의 분쟁입니다.',
    reason_court_or_other_procedure: '재판이나 다른 절차가 진행 중이거나 끝났습니다.',
    reason_anonymous_unverifiable: '익명이라 사실을 확인할 수 없었습니다.',
    reason_withdrawn: '진정이 취하되었습니다.',
    reason_over_one_year: '일이 일어난 지 1년이 지났습니다.',
    referredTo: '보낸 곳',
    recommendations: '권고',
    recommendationsNone: '권고는 하지 않았습니다.',
    recommendationsMade: '관계 기관에 권고 {{count}}건을 보냈습니다.',
    recommendationAnswer: '권고 {{number}}: {{answer}}',
    answer_none: '아직 답변을 기다리고 있습니다',
    answer_accepted: '수용했습니다',
    answer_partly_accepted: '일부 수용했습니다',
    answer_rejected: '수용하지 않았습니다',
    implemented: '이행했습니다',
    notImplemented: '아직 이행하지 않았습니다',
  },
  en: {
    outcomeTitle: 'Outcome',
    kind_not_admissible: 'The office decided not to investigate (not admissible).',
    kind_referred: 'Your complaint was sent to another body to deal with (referred).',
    kind_violation_found: 'The investigation found that human rights were violated.',
    kind_violation_not_found: 'The investigation did not find a violation of human rights.',
    kind_conciliated: 'The parties reached a settlement (conciliated).',
    kind_withdrawn: 'The complaint was withdrawn and the case is finished.',
    reasonLabel: 'Reason',
    reason_outside_mandate: 'It is not something the ombudsman can deal with.',
    reason_private_dispute: 'It is a dispute between private persons.',
    reason_court_or_other_procedure: 'A court or another procedure is dealing, or has dealt, with it.',
    reason_anonymous_unverifiable: 'It was anonymous and the facts could not be checked.',
    reason_withdrawn: 'The complaint was withdrawn.',
    reason_over_one_year: 'It happened more than a year ago.',
    referredTo: 'Sent to',
    recommendations: 'Recommendations',
    recommendationsNone: 'No recommendations were made.',
    recommendationsMade: 'The ombudsman sent {{count}} recommendation(s) to the authorities concerned.',
    recommendationAnswer: 'Recommendation {{number}}: {{answer}}',
    answer_none: 'the answer is still awaited',
    answer_accepted: 'accepted',
    answer_partly_accepted: 'partly accepted',
    answer_rejected: 'not accepted',
    implemented: 'carried out',
    notImplemented: 'not carried out yet',
  },
});

export function StatusOutcome({ outcome }: { outcome: PublicOutcome }) {
  const t = useText(outcomeText);
  const decided = ['violation_found', 'violation_not_found', 'conciliated'].includes(outcome.kind);
  return (
    <section className="section status-outcome" aria-labelledby="status-outcome-title">
      <h3 id="status-outcome-title">{t('outcomeTitle')}</h3>
      <p className="status-outcome__kind">{t(`kind_${outcome.kind}`)}</p>
      {outcome.inadmissibleReason ? (
        <p>
          {t('reasonLabel')}: {t(`reason_${outcome.inadmissibleReason}`)}
        </p>
      ) : null}
      {outcome.referredTo ? (
        <p>
          {t('referredTo')}: {outcome.referredTo}
        </p>
      ) : null}
      {decided ? (
        <>
          <h4>{t('recommendations')}</h4>
          {outcome.recommendations.length === 0 ? (
            <p>{t('recommendationsNone')}</p>
          ) : (
            <>
              <p>{t('recommendationsMade', { count: outcome.recommendations.length })}</p>
              <ul>
                {outcome.recommendations.map((item, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the answers come in the order the recommendations were written; nothing else tells them apart.
                  <li key={index}>
                    {t('recommendationAnswer', {
                      number: index + 1,
                      answer: [
                        t(item.response ? `answer_${item.response}` : 'answer_none'),
                        ...(item.response && item.response !== 'rejected'
                          ? [t(item.implemented ? 'implemented' : 'notImplemented')]
                          : []),
                      ].join(', '),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
