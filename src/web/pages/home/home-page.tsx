/**
 * The front page: the platform and the city, the headline figures every module reports from its live
 * data (`/portal/home`, each linking to where it is explained), and where to go next: every public
 * section the modules' manifests name, so a new module appears here without this page knowing it.
 */
import { Link } from 'react-router';
import type { Language } from '../../../kernel/shared/language.ts';
import { webCity } from '../../../kernel/web/city.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { useWebModules } from '../../../kernel/web/module.ts';
import type { Headline } from '../../../kernel/web/pages/portal/types.ts';
import { formatNumber, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { homeText } from './messages.ts';

/** Korean writes a counter straight after the number (1,480,000명); English leaves a space, but not before %. */
function withUnit(headline: Headline, language: Language): string {
  const value = formatNumber(headline.value);
  const unit = headline.unit?.[language];
  if (!unit) return value;
  return language === 'ko' || unit === '%' ? `${value}${unit}` : `${value} ${unit}`;
}

function HeadlineCard({ headline }: { headline: Headline }) {
  const language = useLanguage();
  const label = (
    <>
      {headline.label[language]}
      {headline.asOf ? ` (${headline.asOf})` : ''}
    </>
  );
  return (
    <li className="card">
      <p className="figure-card__value">{withUnit(headline, language)}</p>
      <p className="figure-card__label">{headline.path ? <Link to={headline.path}>{label}</Link> : label}</p>
    </li>
  );
}

/** The headlines in the order the server gives them, one group per module. */
function groupByModule(headlines: readonly Headline[]): [string, Headline[]][] {
  const groups = new Map<string, Headline[]>();
  for (const headline of headlines) {
    groups.set(headline.module, [...(groups.get(headline.module) ?? []), headline]);
  }
  return [...groups];
}

export default function HomePage() {
  const t = useText(homeText);
  const language = useLanguage();
  const modules = useWebModules();
  const home = useApiData<{ headlines: Headline[] }>('/portal/home');
  const sections = modules.flatMap((module) => module.navigation.filter((item) => !item.roles));
  // A heading per system (the ombudsman, the indicators …), so that a screen reader user can move
  // between them rather than through twenty-odd figures in one list.
  const titleOf = (name: string) =>
    modules.find((module) => module.name === name)?.title[language] ?? t('otherFigures');

  return (
    <Page
      title={t('title')}
      lead={
        <>
          <p>
            <strong>{t('city')}</strong> · {t('platform')}
          </p>
          {webCity && <p>{webCity.intro[language]}</p>}
          <p>{t('intro')}</p>
        </>
      }
    >
      <section aria-labelledby="headline-figures" className="section">
        <h2 id="headline-figures">{t('figuresTitle')}</h2>
        <Loaded state={home}>
          {({ headlines }) =>
            groupByModule(headlines).map(([module, figures]) => (
              <section key={module} aria-labelledby={`headlines-${module}`}>
                <h3 id={`headlines-${module}`}>{titleOf(module)}</h3>
                <ul className="card-list">
                  {figures.map((headline) => (
                    <HeadlineCard key={`${headline.module}:${headline.id}`} headline={headline} />
                  ))}
                </ul>
              </section>
            ))
          }
        </Loaded>
        <p>
          <Link to="/figures">{t('allFigures')}</Link>
        </p>
      </section>
      <section aria-labelledby="explore" className="section">
        <h2 id="explore">{t('exploreTitle')}</h2>
        <ul className="link-grid">
          {sections.map((item) => (
            <li key={item.path}>
              <Link to={item.path}>{item.label[language]}</Link>
            </li>
          ))}
          <li>
            <a href="/api/v1/docs/">{t('apiDocs')}</a>
          </li>
        </ul>
      </section>
    </Page>
  );
}
