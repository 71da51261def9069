/**
 * The basic plans, for everyone: each plan's period, date, legal basis and source, the areas of its
 * action plan and the figures the seed states for it (the 123 policy tasks, the six areas), then a
 * link to each year whose action plan has public tasks.
 */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { formatNumber, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Plans } from '../contract.ts';
import { planText } from './messages.ts';
import { yearPath } from './paths.ts';
import './plan.css';

type Plan = Plans['plans'][number];
const figureKeys = ['edition', 'policy-tasks', 'areas'] as const;

function PlanSection({ plan }: { plan: Plan }) {
  const t = useText(planText);
  const language = useLanguage();
  const [year, month] = plan.established.split('-');
  const headingId = `plan-${plan.code}`;
  const figures = figureKeys.flatMap((key) => {
    const figure = plan.figures.find((entry) => entry.key === key);
    return figure ? [{ key, figure }] : [];
  });
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('planHeading', { name: plan.name[language], from: plan.startYear, to: plan.endYear })}
      </h2>
      <dl className="definition-list">
        <dt>{t('established')}</dt>
        <dd>{t('establishedValue', { year: year ?? '', month: Number(month ?? 0) })}</dd>
        <dt>{t('basis')}</dt>
        <dd>{plan.basis[language]}</dd>
        <dt>{t('source')}</dt>
        <dd>{t('sourceValue', { section: plan.sourceSection })}</dd>
      </dl>
      {figures.length > 0 ? (
        <>
          <h3>{t('statedFigures')}</h3>
          <ul className="card-list">
            {figures.map(({ key, figure }) => (
              <li key={key} className="card">
                <p className="figure-card__value">{formatNumber(figure.value)}</p>
                <p className="figure-card__label">{t(`figure_${key}`)}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.areas.length > 0 ? (
        <>
          <h3>{t('areasTitle')}</h3>
          <ol>
            {plan.areas.map((area) => (
              <li key={area.code}>{area.name[language]}</li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

export default function PlansPage() {
  const t = useText(planText);
  const state = useApiData<Plans>('/plan');
  return (
    <Page title={t('plansTitle')} lead={<p className="prose">{t('plansLead')}</p>}>
      <Loaded state={state}>
        {({ plans, years }) => (
          <>
            {plans.map((plan) => (
              <PlanSection key={plan.code} plan={plan} />
            ))}
            <section className="section" aria-labelledby="plan-years">
              <h2 id="plan-years">{t('yearsTitle')}</h2>
              {years.length === 0 ? (
                <p>{t('noYears')}</p>
              ) : (
                <ul>
                  {years.map((year) => (
                    <li key={year}>
                      <Link to={yearPath(year)}>{t('yearLink', { year })}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
