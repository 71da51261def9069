/**
 * One edition for everyone: its dates and theme (where stated), the seed's figures with the words it
 * states them in (and the 38-versus-39 of 2018's organisations said in words), the organisations it
 * names by role and level, the programme in the city's time, and the registration form while places last.
 * The form asks for consent and tells the registrant who sees their name and e-mail.
 */

import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { cityTimeZone } from '../../../kernel/web/city.ts';
import { type MessageKey, useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  CheckboxField,
  type Column,
  DataTable,
  ErrorSummary,
  formatNumber,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { isNotFound, useApiData } from '../../../kernel/web/use-api.ts';
import type { EditionDetail, EditionMeasure, Session } from '../contract.ts';
import { forumText } from './messages.ts';
import { overviewPath } from './paths.ts';
import { ProgrammeTable } from './programme.tsx';
import { EditionDates, FigureValue } from './shared.tsx';
import './forum.css';

type Key = MessageKey<typeof forumText>;

const measureLabels: Record<EditionMeasure, Key> = {
  participants: 'participants',
  speakers: 'speakers',
  speakers_korean: 'speakersKorean',
  speakers_international: 'speakersInternational',
  cities: 'cities',
  countries: 'countries',
  organisations: 'organisations',
  organisations_international: 'organisationsInternational',
  organisations_national: 'organisationsNational',
  organisations_local: 'organisationsLocal',
};

function Figures({ edition }: { edition: EditionDetail }) {
  const t = useText(forumText);
  const entries = (Object.keys(measureLabels) as EditionMeasure[]).flatMap((measure) => {
    const figure = edition.figures[measure];
    return figure ? [{ measure, figure }] : [];
  });
  const breakdown = ['organisations_international', 'organisations_national', 'organisations_local'] as const;
  const parts = breakdown.map((measure) => edition.figures[measure]?.value);
  const total = edition.figures.organisations?.value;
  const sum = parts.every((part) => part !== undefined)
    ? parts.reduce((a = 0, b = 0) => a + b, 0)
    : undefined;
  return (
    <section className="section" aria-labelledby="figures">
      <h2 id="figures">{t('figuresTitle')}</h2>
      {entries.length === 0 ? (
        <p>{t('noFigures')}</p>
      ) : (
        <dl className="definition-list">
          {entries.map(({ measure, figure }) => (
            <div key={measure}>
              <dt>{t(measureLabels[measure])}</dt>
              <dd>
                <FigureValue figure={figure} />{' '}
                <span className="meta">
                  ({t('figureAsWritten')}: <span lang="en">{figure.asWritten}</span>)
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {total !== undefined && sum !== undefined && sum !== total ? (
        <Notice tone="warning">
          <p>{t('organisationsNote')}</p>
        </Notice>
      ) : null}
    </section>
  );
}

function Organisations({ edition }: { edition: EditionDetail }) {
  const t = useText(forumText);
  const language = useLanguage();
  type Row = EditionDetail['organisations'][number] & { key: string };
  const rows: Row[] = edition.organisations.map((organisation, index) => ({
    ...organisation,
    key: String(index),
  }));
  const columns: Column<Row>[] = [
    { key: 'name', header: t('organisationName'), rowHeader: true, cell: (row) => row.name[language] },
    { key: 'role', header: t('role'), cell: (row) => t(`role_${row.role.replace('-', '_')}` as Key) },
    {
      key: 'level',
      header: t('level'),
      cell: (row) => (row.level ? t(`level_${row.level}`) : <span className="meta">{t('notStated')}</span>),
    },
  ];
  return (
    <section className="section" aria-labelledby="organisations">
      <h2 id="organisations">{t('organisationsTitle')}</h2>
      {rows.length > 0 ? <p>{t('namedOnly')}</p> : null}
      <DataTable
        caption={t('organisationsTitle')}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.key}
        empty={t('noOrganisations')}
      />
    </section>
  );
}

function Programme({ sessions }: { sessions: Session[] }) {
  const t = useText(forumText);
  return (
    <section className="section" aria-labelledby="programme">
      <h2 id="programme">{t('programmeTitle')}</h2>
      <p>{t('programmeLead', { zone: cityTimeZone })}</p>
      <ProgrammeTable sessions={sessions} />
    </section>
  );
}

function Registration({ edition, onRegistered }: { edition: EditionDetail; onRegistered: () => void }) {
  const t = useText(forumText);
  const form = useForm({
    fields: ['name', 'email', 'consent'],
    attach: { forum_already_registered: 'email' },
  });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [receipt, setReceipt] = useState('');
  const { registration } = edition;
  const full = registration.placesLeft !== null && registration.placesLeft <= 0;
  const onSubmit = form.submit(async () => {
    const answer = await api<{ id: string }>(`/forum/editions/${edition.year}/registrations`, {
      method: 'POST',
      body: { name, email, consent },
    });
    setReceipt(answer.id);
    setName('');
    setEmail('');
    setConsent(false);
    onRegistered();
  });
  return (
    <section className="section" aria-labelledby="register">
      <h2 id="register">{t('registerTitle')}</h2>
      <LiveRegion>
        {receipt ? <Notice tone="success">{t('registered', { id: receipt })}</Notice> : null}
      </LiveRegion>
      {!registration.open ? (
        <p>{t('registerClosed')}</p>
      ) : full ? (
        <p>{t('registerFull')}</p>
      ) : (
        <>
          <p>
            {registration.capacity === null || registration.placesLeft === null
              ? t('registerLeadNoLimit')
              : t('registerLead', {
                  capacity: formatNumber(registration.capacity),
                  left: formatNumber(registration.placesLeft),
                })}
          </p>
          <form noValidate onSubmit={onSubmit} className="form">
            <ErrorSummary form={form} />
            <TextField
              name="name"
              label={t('name')}
              value={name}
              onChange={setName}
              error={form.errorFor('name')}
              autoComplete="name"
              maxLength={200}
              required
            />
            <TextField
              name="email"
              type="email"
              label={t('email')}
              hint={t('emailHint')}
              value={email}
              onChange={setEmail}
              error={form.errorFor('email')}
              autoComplete="email"
              maxLength={320}
              required
            />
            <CheckboxField
              name="consent"
              label={t('consent')}
              hint={t('consentHint')}
              checked={consent}
              onChange={setConsent}
              error={form.errorFor('consent')}
              required
            />
            <Button type="submit" disabled={form.pending}>
              {t('submit')}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}

export default function EditionPage() {
  const t = useText(forumText);
  const language = useLanguage();
  const { year = '' } = useParams();
  const state = useApiData<EditionDetail>(`/forum/editions/${encodeURIComponent(year)}`);
  if (isNotFound(state.error)) {
    return (
      <Page title={t('notFoundTitle')}>
        <p>{t('notFoundBody')}</p>
        <p>
          <Link to={overviewPath}>{t('backToOverview')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('editionName', { year })}>
      <p>
        <Link to={overviewPath}>{t('backToOverview')}</Link>
      </p>
      <Loaded state={state}>
        {(edition) => (
          <>
            <dl className="definition-list">
              <dt>{t('dates')}</dt>
              <dd>
                <EditionDates edition={edition} />
              </dd>
              <dt>{t('theme')}</dt>
              <dd>
                {edition.theme ? edition.theme[language] : <span className="meta">{t('notStated')}</span>}
              </dd>
              {edition.sourceSection ? (
                <>
                  <dt>{t('sourceSection')}</dt>
                  <dd>{edition.sourceSection}</dd>
                </>
              ) : null}
              {edition.note ? (
                <>
                  <dt>{t('editionNote')}</dt>
                  <dd lang="en">{edition.note}</dd>
                </>
              ) : null}
            </dl>
            <Figures edition={edition} />
            <Organisations edition={edition} />
            <Programme sessions={edition.sessions} />
            <Registration edition={edition} onRegistered={state.reload} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
