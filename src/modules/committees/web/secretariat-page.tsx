/**
 * The secretariat's overview: terms ending within 60 days, each body's members with their position,
 * recommender, term, gender and sector (the balance at a glance), and scheduling a meeting.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  CheckboxField,
  type Column,
  DataTable,
  ErrorSummary,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { type Body, genders, type Member, meetingKinds, positions, sectors } from '../contract.ts';
import { committeesText } from './messages.ts';
import { meetingPath } from './paths.ts';
import { useValues } from './shared.tsx';

function useMemberColumns(withBody: boolean): Column<Member>[] {
  const t = useText(committeesText);
  const language = useLanguage();
  return [
    { key: 'name', header: t('name'), rowHeader: true, cell: (row) => row.name },
    ...(withBody ? [{ key: 'body', header: t('body'), cell: (row: Member) => row.bodyName[language] }] : []),
    { key: 'position', header: t('position'), cell: (row) => t(`position_${row.position}`) },
    { key: 'recommendedBy', header: t('recommendedBy'), cell: (row) => row.recommendedBy },
    {
      key: 'term',
      header: t('term'),
      cell: (row) => `${row.termStart} – ${row.termEnd}`,
      sortValue: (row) => row.termEnd,
    },
    { key: 'gender', header: t('gender'), cell: (row) => t(`gender_${row.gender}`) },
    { key: 'sector', header: t('sector'), cell: (row) => t(`sector_${row.sector}`) },
  ];
}

function tally<Value extends string>(values: readonly Value[], label: (value: Value) => string): string {
  const counts = new Map<Value, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${label(value)} ${count}`).join(', ');
}

function BodyMembers({ body }: { body: Body }) {
  const t = useText(committeesText);
  const language = useLanguage();
  const members = useApiData<{ members: Member[] }>(`/committees/bodies/${body.id}/members`);
  const columns = useMemberColumns(false);
  return (
    <Loaded state={members}>
      {(data) => (
        <>
          <DataTable
            caption={t('membersCaption', { name: body.name[language] })}
            columns={columns}
            rows={data.members}
            rowKey={(row) => row.id}
            empty={`${body.name[language]}: ${t('noCurrentMembers')}`}
          />
          {data.members.length > 0 ? (
            <p className="meta">
              {t('balance', {
                genders: tally(
                  data.members.map((member) => member.gender),
                  (value) => t(`gender_${value}`),
                ),
                sectors: tally(
                  data.members.map((member) => member.sector),
                  (value) => t(`sector_${value}`),
                ),
              })}
            </p>
          ) : null}
        </>
      )}
    </Loaded>
  );
}

const fields = [
  'bodyId',
  'kind',
  'title',
  'startsAt',
  'endsAt',
  'place',
  'onlineUrl',
  'organiser',
  'capacity',
] as const;

/** `2026-12-10T19:00` typed as Seoul time, sent with its offset. */
const seoulInstant = (local: string) => (local.length === 16 ? `${local}:00+09:00` : local);

function ScheduleMeeting({ bodies }: { bodies: Body[] }) {
  const t = useText(committeesText);
  const language = useLanguage();
  const form = useForm({ fields });
  const { values, set } = useValues<(typeof fields)[number]>({
    bodyId: bodies[0]?.id ?? '',
    kind: 'regular',
    title: '',
    startsAt: '',
    endsAt: '',
    place: '',
    onlineUrl: '',
    organiser: '',
    capacity: '',
  });
  const [isPublic, setIsPublic] = useState(false);
  const [agendaPublished, setAgendaPublished] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const body = bodies.find((candidate) => candidate.id === values.bodyId);
  const submit = form.submit(async () => {
    setCreated(null);
    const answer = await api<{ id: string }>('/committees/meetings', {
      method: 'POST',
      body: {
        bodyId: values.bodyId,
        kind: values.kind,
        title: values.title,
        startsAt: seoulInstant(values.startsAt),
        endsAt: seoulInstant(values.endsAt),
        place: values.place || null,
        onlineUrl: values.onlineUrl || null,
        organiser: values.organiser || null,
        isPublic,
        agendaPublished,
        capacity: values.capacity === '' ? null : Number(values.capacity),
      },
    });
    setCreated(answer.id);
  });
  return (
    <section className="section" aria-labelledby="schedule">
      <h2 id="schedule">{t('scheduleTitle')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <SelectField
          name="bodyId"
          label={t('meetingBody')}
          value={values.bodyId}
          onChange={set('bodyId')}
          options={bodies.map((candidate) => ({ value: candidate.id, label: candidate.name[language] }))}
          error={form.errorFor('bodyId')}
          required
        />
        <SelectField
          name="kind"
          label={t('meetingKind')}
          value={values.kind}
          onChange={set('kind')}
          options={meetingKinds.map((kind) => ({ value: kind, label: t(`kind_${kind}`) }))}
          error={form.errorFor('kind')}
          required
        />
        <TextField
          name="title"
          label={t('meetingTitleField')}
          value={values.title}
          onChange={set('title')}
          error={form.errorFor('title')}
          required
        />
        <TextField
          name="startsAt"
          label={t('startsAt')}
          hint={t('dateTimeHint')}
          value={values.startsAt}
          onChange={set('startsAt')}
          error={form.errorFor('startsAt')}
          required
        />
        <TextField
          name="endsAt"
          label={t('endsAt')}
          hint={t('dateTimeHint')}
          value={values.endsAt}
          onChange={set('endsAt')}
          error={form.errorFor('endsAt')}
          required
        />
        <TextField
          name="place"
          label={t('placeField')}
          value={values.place}
          onChange={set('place')}
          error={form.errorFor('place')}
        />
        <TextField
          name="onlineUrl"
          label={t('onlineUrlField')}
          value={values.onlineUrl}
          onChange={set('onlineUrl')}
          error={form.errorFor('onlineUrl')}
        />
        {body && body.organisers.length > 0 ? (
          <SelectField
            name="organiser"
            label={t('organiserField')}
            value={values.organiser}
            onChange={set('organiser')}
            empty="—"
            options={body.organisers.map((organiser) => ({
              value: organiser.en,
              label: organiser[language],
            }))}
            error={form.errorFor('organiser')}
          />
        ) : null}
        <TextField
          name="capacity"
          label={t('capacityField')}
          inputMode="numeric"
          value={values.capacity}
          onChange={set('capacity')}
          error={form.errorFor('capacity')}
        />
        <CheckboxField name="isPublic" label={t('isPublic')} checked={isPublic} onChange={setIsPublic} />
        <CheckboxField
          name="agendaPublished"
          label={t('agendaPublished')}
          checked={agendaPublished}
          onChange={setAgendaPublished}
        />
        <Button type="submit" disabled={form.pending}>
          {t('schedule')}
        </Button>
      </form>
      <LiveRegion>
        {created ? (
          <Notice tone="success">
            {t('scheduled')} <Link to={meetingPath(created)}>{t('openMeeting')}</Link>
          </Notice>
        ) : null}
      </LiveRegion>
    </section>
  );
}

const memberFields = [
  'bodyId',
  'name',
  'position',
  'recommendedBy',
  'termStart',
  'termEnd',
  'gender',
  'sector',
] as const;

function AddMember({ bodies, onAdded }: { bodies: Body[]; onAdded: () => void }) {
  const t = useText(committeesText);
  const language = useLanguage();
  const form = useForm({ fields: memberFields });
  const seated = bodies.filter((body) => body.seats !== null);
  const { values, set, reset } = useValues<(typeof memberFields)[number]>({
    bodyId: seated[0]?.id ?? '',
    name: '',
    position: 'member',
    recommendedBy: '',
    termStart: '',
    termEnd: '',
    gender: 'undisclosed',
    sector: 'civil_society',
  });
  const [added, setAdded] = useState(false);
  const submit = form.submit(async () => {
    setAdded(false);
    const { bodyId, ...member } = values;
    await api(`/committees/bodies/${encodeURIComponent(bodyId)}/members`, { method: 'POST', body: member });
    reset();
    setAdded(true);
    onAdded();
  });
  const choices = <Value extends string>(list: readonly Value[], label: (value: Value) => string) =>
    list.map((value) => ({ value, label: label(value) }));
  return (
    <section className="section" aria-labelledby="add-member">
      <h2 id="add-member">{t('addMemberTitle')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <SelectField
          name="bodyId"
          label={t('meetingBody')}
          value={values.bodyId}
          onChange={set('bodyId')}
          options={seated.map((body) => ({ value: body.id, label: body.name[language] }))}
          required
        />
        <TextField
          name="name"
          label={t('name')}
          value={values.name}
          onChange={set('name')}
          error={form.errorFor('name')}
          required
        />
        <SelectField
          name="position"
          label={t('position')}
          value={values.position}
          onChange={set('position')}
          options={choices(positions, (value) => t(`position_${value}`))}
          required
        />
        <TextField
          name="recommendedBy"
          label={t('recommendedBy')}
          value={values.recommendedBy}
          onChange={set('recommendedBy')}
          error={form.errorFor('recommendedBy')}
        />
        <TextField
          name="termStart"
          label={t('termStart')}
          hint={t('dateHint')}
          value={values.termStart}
          onChange={set('termStart')}
          error={form.errorFor('termStart')}
          required
        />
        <TextField
          name="termEnd"
          label={t('termEnd')}
          hint={t('dateHint')}
          value={values.termEnd}
          onChange={set('termEnd')}
          error={form.errorFor('termEnd')}
          required
        />
        <SelectField
          name="gender"
          label={t('gender')}
          value={values.gender}
          onChange={set('gender')}
          options={choices(genders, (value) => t(`gender_${value}`))}
          required
        />
        <SelectField
          name="sector"
          label={t('sector')}
          value={values.sector}
          onChange={set('sector')}
          options={choices(sectors, (value) => t(`sector_${value}`))}
          required
        />
        <Button type="submit" disabled={form.pending}>
          {t('addMember')}
        </Button>
      </form>
      <LiveRegion>{added ? <Notice tone="success">{t('memberAdded')}</Notice> : null}</LiveRegion>
    </section>
  );
}

export default function SecretariatPage() {
  const t = useText(committeesText);
  const language = useLanguage();
  const alerts = useApiData<{ members: Member[] }>('/committees/term-alerts');
  const bodies = useApiData<{ bodies: Body[] }>('/committees/bodies');
  const alertColumns = useMemberColumns(true);
  // A member seated: the member tables load again (their key changes).
  const [seatings, setSeatings] = useState(0);
  return (
    <Page title={t('secretariatTitle')} lead={<p>{t('secretariatLead')}</p>}>
      <section className="section" aria-labelledby="alerts">
        <h2 id="alerts">{t('alertsTitle')}</h2>
        <Loaded state={alerts}>
          {(data) => (
            <DataTable
              caption={t('alertsCaption')}
              columns={alertColumns}
              rows={data.members}
              rowKey={(row) => row.id}
              empty={t('noAlerts')}
            />
          )}
        </Loaded>
      </section>
      <Loaded state={bodies}>
        {(data) => (
          <>
            <section className="section" aria-labelledby="members">
              <h2 id="members">{t('bodiesTitle')}</h2>
              {data.bodies.map((body) => (
                <section key={body.id} className="section" aria-label={body.name[language]}>
                  <h3>{body.name[language]}</h3>
                  {body.seats !== null ? (
                    <p>
                      {t('seats')}:{' '}
                      {t('seatsValue', {
                        count: body.seats,
                        seated: body.seated,
                        vacancies: body.vacancies ?? 0,
                      })}
                    </p>
                  ) : null}
                  <BodyMembers key={seatings} body={body} />
                </section>
              ))}
            </section>
            <AddMember
              bodies={data.bodies}
              onAdded={() => {
                setSeatings((count) => count + 1);
                bodies.reload();
                alerts.reload();
              }}
            />
            <ScheduleMeeting bodies={data.bodies} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
