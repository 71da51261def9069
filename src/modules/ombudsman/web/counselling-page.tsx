/**
 * The counselling log: the sessions of a year (chosen in the URL), and a form that records one. The
 * log holds no names or contacts: it counts what people ask about, for the annual statistics.
 */

import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api, query } from '../../../kernel/web/api.ts';
import { cityClock } from '../../../kernel/web/city.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import type { TermList } from '../../../kernel/web/pages/vocabularies/types.ts';
import {
  Button,
  DataTable,
  ErrorSummary,
  LiveRegion,
  Loaded,
  Page,
  SelectField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { counsellingChannels, counsellingOutcomes, type counsellingSchema } from '../contract.ts';
import { ombudsmanStaffText } from './staff-messages.ts';
import { TextField } from './text-field.tsx';
import './ombudsman.css';

type Session = z.infer<typeof counsellingSchema>;
type Channel = (typeof counsellingChannels)[number];
type Outcome = (typeof counsellingOutcomes)[number];

function CounsellingForm({ onAdded }: { onAdded: () => void }) {
  const t = useText(ombudsmanStaffText);
  const language = useLanguage();
  const form = useForm({ fields: ['heldOn', 'channel', 'topic', 'rights', 'outcome'] });
  const rights = useApiData<TermList>('/vocabularies/rights');
  const [heldOn, setHeldOn] = useState(cityClock.today);
  const [channel, setChannel] = useState<Channel>('phone');
  const [topic, setTopic] = useState('');
  const [right, setRight] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('advice_given');

  const submit = form.submit(async () => {
    await api('/ombudsman/counselling', {
      method: 'POST',
      body: { heldOn, channel, topic, outcome, rights: right ? [right] : [] },
    });
    setTopic('');
    setRight('');
    onAdded();
  });

  return (
    <section className="section" aria-labelledby="add-counselling-title">
      <h2 id="add-counselling-title">{t('addCounselling')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField
          name="heldOn"
          label={t('heldOn')}
          type="date"
          className="input--short"
          value={heldOn}
          onChange={setHeldOn}
          error={form.errorFor('heldOn')}
          required
        />
        <SelectField
          name="channel"
          label={t('counsellingChannel')}
          value={channel}
          onChange={setChannel}
          options={counsellingChannels.map((value) => ({ value, label: t(`counsellingChannel_${value}`) }))}
          error={form.errorFor('channel')}
          required
        />
        <TextField
          name="topic"
          label={t('topic')}
          hint={t('topicHint')}
          value={topic}
          onChange={setTopic}
          error={form.errorFor('topic')}
          maxLength={500}
          required
        />
        <SelectField
          name="rights"
          label={t('right')}
          value={right}
          onChange={setRight}
          empty={t('none')}
          options={(rights.data?.terms ?? []).map((term) => ({
            value: term.code,
            label: term.name[language],
          }))}
          error={form.errorFor('rights')}
        />
        <SelectField
          name="outcome"
          label={t('counsellingOutcome')}
          value={outcome}
          onChange={setOutcome}
          options={counsellingOutcomes.map((value) => ({ value, label: t(`counsellingOutcome_${value}`) }))}
          error={form.errorFor('outcome')}
          required
        />
        <Button type="submit" disabled={form.pending}>
          {t('add')}
        </Button>
      </form>
    </section>
  );
}

export default function CounsellingPage() {
  const t = useText(ombudsmanStaffText);
  const language = useLanguage();
  const [search, setSearch] = useSearchParams();
  const thisYear = cityClock.year();
  const year = Number(search.get('year')) || thisYear;
  const [chosenYear, setChosenYear] = useState(String(year));
  const state = useApiData<{ sessions: Session[] }>(`/ombudsman/counselling${query({ year })}`);
  const rights = useApiData<TermList>('/vocabularies/rights');
  const [message, setMessage] = useState('');
  const rightName = (code: string) =>
    rights.data?.terms.find((term) => term.code === code)?.name[language] ?? code;

  function show(event: FormEvent) {
    event.preventDefault();
    setSearch(query({ year: chosenYear }));
  }

  return (
    <Page title={t('counsellingTitle')} lead={<p>{t('counsellingLead')}</p>}>
      <form className="form-row" onSubmit={show}>
        <SelectField
          name="year"
          label={t('year')}
          value={chosenYear}
          onChange={setChosenYear}
          options={Array.from({ length: 6 }, (_, index) => String(thisYear - index)).map((value) => ({
            value,
            label: value,
          }))}
        />
        <div className="field">
          <Button type="submit">{t('show')}</Button>
        </div>
      </form>
      <LiveRegion>{message ? <p className="notice notice--success">{message}</p> : null}</LiveRegion>
      <Loaded state={state}>
        {(data) => (
          <DataTable
            caption={t('counsellingCaption', { year, count: data.sessions.length })}
            rows={data.sessions}
            rowKey={(row) => row.id}
            empty={t('counsellingEmpty')}
            columns={[
              {
                key: 'heldOn',
                header: t('heldOn'),
                rowHeader: true,
                sortValue: (row) => row.heldOn,
                cell: (row) => row.heldOn,
              },
              {
                key: 'channel',
                header: t('counsellingChannel'),
                cell: (row) => t(`counsellingChannel_${row.channel}`),
              },
              { key: 'topic', header: t('topic'), cell: (row) => row.topic },
              { key: 'rights', header: t('right'), cell: (row) => row.rights.map(rightName).join(', ') },
              {
                key: 'outcome',
                header: t('counsellingOutcome'),
                cell: (row) => t(`counsellingOutcome_${row.outcome}`),
              },
            ]}
          />
        )}
      </Loaded>
      <CounsellingForm
        onAdded={() => {
          setMessage(t('counsellingAdded'));
          state.reload();
        }}
      />
    </Page>
  );
}
