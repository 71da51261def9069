/**
 * The Gwangju Human Rights Charter for everyone: the declaration, the seed's own words about it (with
 * the project's Korean translation), its figures with the seed's wording, the articles as admins
 * entered them, the publications, and each year's promotion contest with its winners once judged.
 */
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, formatNumber, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { CharterPage as CharterData, Contest } from '../contract.ts';
import { charterText } from './messages.ts';
import { formatDate, PublicationTable } from './shared.tsx';

type Figure = CharterData['figures'][number];
type Winner = Contest['winners'][number];

/** 47 → "47th", 3 → "3rd": English ordinals for the seed's editions and ranks. */
function englishOrdinal(value: number): string {
  const tens = value % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
  return `${value}${suffix}`;
}

function FigureTable({ data }: { data: CharterData }) {
  const t = useText(charterText);
  const language = useLanguage();
  const columns: Column<Figure>[] = [
    { key: 'label', header: t('figure'), rowHeader: true, cell: (row) => row.label[language] },
    { key: 'value', header: t('value'), numeric: true, cell: (row) => formatNumber(row.value) },
    { key: 'quote', header: t('quote'), cell: (row) => <q lang="en">{row.quote}</q> },
    { key: 'note', header: t('note'), cell: (row) => (row.note ? <span lang="en">{row.note}</span> : '') },
  ];
  return (
    <DataTable
      caption={t('figuresCaption', { section: data.declaration.sourceSection })}
      columns={columns}
      rows={data.figures}
      rowKey={(row) => row.id}
    />
  );
}

function Articles({ data }: { data: CharterData }) {
  const t = useText(charterText);
  const language = useLanguage();
  if (data.articles.length === 0) return <p>{t('articlesEmpty')}</p>;
  return (
    <ol>
      {data.articles.map((article) => (
        <li key={article.code}>
          <h3>
            {t('articleHeading', {
              number: String(article.data.number ?? ''),
              title: article.name[language],
            })}
          </h3>
          {article.description ? <p className="prose">{article.description[language]}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function ContestSection({ contest }: { contest: Contest }) {
  const t = useText(charterText);
  const language = useLanguage();
  const headingId = `contest-${contest.year}`;
  const { exhibition } = contest;
  const columns: Column<Winner>[] = [
    { key: 'award', header: t('award'), cell: (row) => t(`award_${row.award}`) },
    { key: 'title', header: t('entryTitle'), rowHeader: true, cell: (row) => row.title },
    { key: 'category', header: t('category'), cell: (row) => t(`category_${row.category}`) },
    { key: 'exhibited', header: t('exhibited'), cell: (row) => (row.exhibited ? t('yes') : t('no')) },
  ];
  return (
    <section className="section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('contestHeading', { year: contest.year, title: contest.title[language] })}</h3>
      {contest.theme ? <p className="prose">{contest.theme[language]}</p> : null}
      <dl className="definition-list">
        <dt>{t('status')}</dt>
        <dd>{t(`status_${contest.status}`)}</dd>
        <dt>{t('exhibition')}</dt>
        <dd>
          {exhibition.place && exhibition.from && exhibition.to
            ? t('exhibitionValue', {
                place: exhibition.place,
                from: formatDate(exhibition.from, language),
                to: formatDate(exhibition.to, language),
              })
            : (exhibition.place ?? t('notRecorded'))}
        </dd>
        <dt>{t('entries')}</dt>
        <dd>{formatNumber(contest.entryCount)}</dd>
      </dl>
      {contest.status === 'closed' ? (
        <DataTable
          caption={t('winnersCaption', { year: contest.year })}
          columns={columns}
          rows={contest.winners}
          rowKey={(row) => row.id}
        />
      ) : (
        <p>{t('winnersPending')}</p>
      )}
    </section>
  );
}

function CharterView({ data }: { data: CharterData }) {
  const t = useText(charterText);
  const language = useLanguage();
  const { declaration } = data;
  const edition = declaration.citizensDayEdition ?? 0;
  const rank = declaration.worldRank ?? 0;
  return (
    <Page
      title={t('title')}
      lead={
        <p>
          {t('lead', {
            date: formatDate(declaration.declaredOn, language),
            edition: language === 'en' ? englishOrdinal(edition) : edition,
            rank: language === 'en' ? englishOrdinal(rank) : rank,
          })}
        </p>
      }
    >
      <section className="section" aria-labelledby="about">
        <h2 id="about">{t('aboutTitle')}</h2>
        {data.paragraphs.map((paragraph) => (
          <p key={paragraph.paragraph} className="prose">
            {paragraph.text[language]}
          </p>
        ))}
        <p className="meta">{t('translationNote', { section: declaration.sourceSection })}</p>
      </section>
      <section className="section" aria-labelledby="figures">
        <h2 id="figures">{t('figuresTitle')}</h2>
        <FigureTable data={data} />
      </section>
      <section className="section" aria-labelledby="articles">
        <h2 id="articles">{t('articlesTitle')}</h2>
        <Articles data={data} />
      </section>
      <section className="section" aria-labelledby="publications">
        <h2 id="publications">{t('publicationsTitle')}</h2>
        <p className="prose">{t('publicationsLead')}</p>
        <PublicationTable publications={data.publications} />
      </section>
      <section className="section" aria-labelledby="contests">
        <h2 id="contests">{t('contestsTitle')}</h2>
        <p className="prose">{t('contestsLead')}</p>
        {data.contests.length === 0 ? <p>{t('contestsEmpty')}</p> : null}
        {data.contests.map((contest) => (
          <ContestSection key={contest.id} contest={contest} />
        ))}
      </section>
    </Page>
  );
}

export default function CharterPage() {
  const t = useText(charterText);
  const state = useApiData<CharterData>('/charter');
  if (!state.data) {
    return (
      <Page title={t('title')}>
        <Loaded state={state}>{() => null}</Loaded>
      </Page>
    );
  }
  return <CharterView data={state.data} />;
}
