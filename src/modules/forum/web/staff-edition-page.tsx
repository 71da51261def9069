/**
 * One edition for the office: its details (saved with the version read, so a change made meanwhile
 * comes back as a 409), its programme with a form to add a session (times typed in the city's time), and
 * its registrants with their names and e-mails, a read the server logs.
 */

import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../../kernel/web/api.ts';
import { cityClock } from '../../../kernel/web/city.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  CheckboxField,
  type Column,
  DataTable,
  formatDateTime,
  Group,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { type EditionDetail, type Registration, type Speaker, sessionLanguages } from '../contract.ts';
import { EditionFields, editionBody, editionFieldNames, useEditionValues } from './edition-form.tsx';
import { FormSection } from './form-section.tsx';
import { forumText } from './messages.ts';
import { editionPagePath, staffPath } from './paths.ts';
import { ProgrammeTable } from './programme.tsx';
import { forumStaffText } from './staff-messages.ts';

function EditEdition({ edition, onSaved }: { edition: EditionDetail; onSaved: (message: string) => void }) {
  const t = useText(forumStaffText);
  const form = useForm({ fields: editionFieldNames });
  const [values, setValues] = useEditionValues(edition);
  const onSubmit = form.submit(async () => {
    await api(`/forum/editions/${edition.year}`, {
      method: 'PUT',
      body: { ...editionBody(values), version: edition.version },
    });
    onSaved(t('saved'));
  });
  return (
    <FormSection
      id="edit-edition"
      title={t('editTitle')}
      form={form}
      onSubmit={onSubmit}
      submitLabel={t('save')}
    >
      <EditionFields values={values} onChange={setValues} form={form} />
    </FormSection>
  );
}

const origins: Record<string, Speaker['origin']> = {
  korean: 'korean',
  국내: 'korean',
  international: 'international',
  해외: 'international',
};

/** "name; affiliation; origin" per line; the line number of the first that is not, otherwise. */
function parseSpeakers(text: string): Speaker[] | { line: number } {
  const speakers: Speaker[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const [name = '', affiliation = '', origin = ''] = line.split(';').map((part) => part.trim());
    const known = origins[origin.toLowerCase()];
    if (!name || !known) return { line: index + 1 };
    speakers.push({ name, affiliation: affiliation || null, origin: known });
  }
  return speakers;
}

function AddSession({ edition, onAdded }: { edition: EditionDetail; onAdded: (message: string) => void }) {
  const t = useText(forumStaffText);
  const names = useText(forumText);
  const form = useForm({ fields: ['title.ko', 'title.en', 'startsAt', 'endsAt', 'languages', 'speakers'] });
  const [titleKo, setTitleKo] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [day, setDay] = useState(edition.startsOn ?? '');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [languages, setLanguages] = useState<string[]>(['ko', 'en']);
  const [speakers, setSpeakers] = useState('');
  // The time typed is the city's (its offset that day, daylight saving included).
  const instant = (time: string) =>
    day && /^\d{2}:\d{2}$/.test(time) ? cityClock.instantOf(`${day}T${time}`).toISOString() : time;
  const onSubmit = form.submit(async () => {
    const parsed = parseSpeakers(speakers);
    if (!Array.isArray(parsed)) {
      const message = t('speakerFormat', { line: parsed.line });
      throw new ApiError(400, 'validation_failed', message, [
        { field: 'body.speakers', code: 'speaker_format', message },
      ]);
    }
    await api(`/forum/editions/${edition.year}/sessions`, {
      method: 'POST',
      body: {
        title: { ko: titleKo, en: titleEn },
        startsAt: instant(start),
        endsAt: instant(end),
        languages,
        speakers: parsed,
      },
    });
    setTitleKo('');
    setTitleEn('');
    setStart('');
    setEnd('');
    setSpeakers('');
    onAdded(t('sessionAdded'));
  });
  return (
    <FormSection
      id="add-session"
      title={t('addSessionTitle')}
      subsection
      form={form}
      onSubmit={onSubmit}
      submitLabel={t('addSession')}
    >
      <TextField
        name="title.ko"
        label={t('titleKo')}
        value={titleKo}
        onChange={setTitleKo}
        error={form.errorFor('title.ko')}
        required
      />
      <TextField
        name="title.en"
        label={t('titleEn')}
        value={titleEn}
        onChange={setTitleEn}
        error={form.errorFor('title.en')}
        required
      />
      <TextField name="day" type="date" label={t('day')} value={day} onChange={setDay} required />
      <TextField
        name="startsAt"
        label={t('startTime')}
        hint={t('timeHint')}
        value={start}
        onChange={setStart}
        error={form.errorFor('startsAt')}
        className="input--short"
        required
      />
      <TextField
        name="endsAt"
        label={t('endTime')}
        hint={t('timeHint')}
        value={end}
        onChange={setEnd}
        error={form.errorFor('endsAt')}
        className="input--short"
        required
      />
      <Group name="languages" legend={t('languages')} error={form.errorFor('languages')}>
        {sessionLanguages.map((code) => (
          <CheckboxField
            key={code}
            name={`language-${code}`}
            label={names(`language_${code}`)}
            checked={languages.includes(code)}
            onChange={(checked) =>
              setLanguages((current) =>
                checked ? [...current, code] : current.filter((chosen) => chosen !== code),
              )
            }
          />
        ))}
      </Group>
      <TextField
        name="speakers"
        label={t('speakersField')}
        hint={t('speakersHint')}
        value={speakers}
        onChange={setSpeakers}
        error={form.errorFor('speakers')}
        multiline
        rows={4}
      />
    </FormSection>
  );
}

function Registrants({ year }: { year: number }) {
  const t = useText(forumStaffText);
  const language = useLanguage();
  const state = useApiData<{ registrations: Registration[] }>(`/forum/editions/${year}/registrations`);
  const columns: Column<Registration>[] = [
    { key: 'name', header: t('name'), rowHeader: true, cell: (row) => row.name },
    { key: 'email', header: t('email'), cell: (row) => row.email },
    { key: 'at', header: t('registeredAt'), cell: (row) => formatDateTime(row.registeredAt, language) },
  ];
  return (
    <section className="section" aria-labelledby="registrants">
      <h2 id="registrants">{t('registrantsTitle')}</h2>
      <p>{t('registrantsLead')}</p>
      <Loaded state={state}>
        {({ registrations }) => (
          <DataTable
            caption={t('registrantsCaption')}
            columns={columns}
            rows={registrations}
            rowKey={(row) => row.id}
            empty={t('noRegistrants')}
          />
        )}
      </Loaded>
    </section>
  );
}

export default function StaffEditionPage() {
  const t = useText(forumStaffText);
  const { year = '' } = useParams();
  const state = useApiData<EditionDetail>(`/forum/editions/${encodeURIComponent(year)}`);
  const [message, setMessage] = useState('');
  const changed = (text: string) => {
    setMessage(text);
    state.reload();
  };
  return (
    <Page title={t('editionTitle', { year })}>
      <p>
        <Link to={staffPath}>{t('backToEditions')}</Link> ·{' '}
        <Link to={editionPagePath(Number(year))}>{t('publicPage')}</Link>
      </p>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      <Loaded state={state}>
        {(edition) => (
          <>
            <EditEdition key={edition.version} edition={edition} onSaved={changed} />
            <section className="section" aria-labelledby="sessions">
              <h2 id="sessions">{t('sessionsTitle')}</h2>
              <ProgrammeTable sessions={edition.sessions} />
              <AddSession edition={edition} onAdded={changed} />
            </section>
            <Registrants year={edition.year} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
