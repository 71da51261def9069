/**
 * The secretariat's forms for the composition of a body: seating a member, editing one (with the
 * version read, so that a change made meanwhile comes back as a "reload" problem), and a body's rules
 * (seats, term length, meetings required per year, quorum), whose refusals land on their fields.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { Button, ErrorSummary, SelectField, TextField, useForm } from '../../../kernel/web/ui/index.ts';
import { type Body, genders, type Member, positions, sectors } from '../contract.ts';
import { committeesText } from './messages.ts';
import { numberOrText, textFields, useValues } from './shared.tsx';

const memberFieldNames = [
  'name',
  'position',
  'recommendedBy',
  'termStart',
  'termEnd',
  'gender',
  'sector',
] as const;
type MemberFieldName = (typeof memberFieldNames)[number];
type MemberValues = Record<MemberFieldName, string>;

const memberValues = (member?: Member): MemberValues => ({
  name: member?.name ?? '',
  position: member?.position ?? 'member',
  recommendedBy: member?.recommendedBy ?? '',
  termStart: member?.termStart ?? '',
  termEnd: member?.termEnd ?? '',
  gender: member?.gender ?? 'undisclosed',
  sector: member?.sector ?? 'civil_society',
});

function MemberFields({
  values,
  set,
  errorFor,
}: {
  values: MemberValues;
  set: (name: MemberFieldName) => (value: string) => void;
  errorFor: (name: MemberFieldName) => string | undefined;
}) {
  const t = useText(committeesText);
  const choices = <Value extends string>(list: readonly Value[], label: (value: Value) => string) =>
    list.map((value) => ({ value, label: label(value) }));
  const field = textFields(values, set, errorFor);
  return (
    <>
      {field('name', t('name'), { required: true })}
      <SelectField
        name="position"
        label={t('position')}
        value={values.position}
        onChange={set('position')}
        options={choices(positions, (value) => t(`position_${value}`))}
        error={errorFor('position')}
        required
      />
      {field('recommendedBy', t('recommendedBy'))}
      {field('termStart', t('termStart'), { hint: t('dateHint'), required: true })}
      {field('termEnd', t('termEnd'), { hint: t('dateHint'), required: true })}
      <SelectField
        name="gender"
        label={t('gender')}
        value={values.gender}
        onChange={set('gender')}
        options={choices(genders, (value) => t(`gender_${value}`))}
        error={errorFor('gender')}
        required
      />
      <SelectField
        name="sector"
        label={t('sector')}
        value={values.sector}
        onChange={set('sector')}
        options={choices(sectors, (value) => t(`sector_${value}`))}
        error={errorFor('sector')}
        required
      />
    </>
  );
}

/**
 * Seats a member, or edits the member chosen in a body's table (with the version read). One form for
 * both, so that the page never holds two fields of one name; choosing a member moves focus to it.
 */
export function MemberForm({
  bodies,
  editing,
  focusOnMount,
  onSaved,
  onClose,
}: {
  bodies: Body[];
  editing: Member | null;
  /** Opened for a member, or back after saving one: the keyboard continues here. */
  focusOnMount: boolean;
  onSaved: () => void;
  onClose: () => void;
}) {
  const t = useText(committeesText);
  const language = useLanguage();
  const form = useForm({ fields: ['bodyId', ...memberFieldNames] });
  const seated = bodies.filter((body) => body.seats !== null);
  const [bodyId, setBodyId] = useState(seated[0]?.id ?? '');
  const { values, set, reset } = useValues(memberValues(editing ?? undefined));
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on mount; the page keys the form by member.
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, []);
  const submit = form.submit(async () => {
    if (editing) {
      await api(`/committees/members/${encodeURIComponent(editing.id)}`, {
        method: 'PUT',
        body: { ...values, version: editing.version },
      });
    } else {
      await api(`/committees/bodies/${encodeURIComponent(bodyId)}/members`, { method: 'POST', body: values });
      reset();
    }
    onSaved();
  });
  return (
    <section className="section" aria-labelledby="member-form">
      <h2 id="member-form" ref={heading} tabIndex={-1}>
        {editing ? t('editMemberTitle', { name: editing.name }) : t('addMemberTitle')}
      </h2>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        {editing ? null : (
          <SelectField
            name="bodyId"
            label={t('meetingBody')}
            value={bodyId}
            onChange={setBodyId}
            options={seated.map((body) => ({ value: body.id, label: body.name[language] }))}
            required
          />
        )}
        <MemberFields values={values} set={set} errorFor={form.errorFor} />
        <div className="inline-actions">
          <Button type="submit" disabled={form.pending}>
            {editing ? t('saveMember') : t('addMember')}
          </Button>
          {editing ? (
            <Button variant="secondary" onClick={onClose}>
              {t('closeForm')}
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

const ruleFieldNames = ['seats', 'termYears', 'meetingsPerYear', 'quorum'] as const;

/** A body's rules; one body's at a time, opened from its section (the fields' names are the API's). */
export function BodyRules({
  body,
  onSaved,
  onClose,
}: {
  body: Body;
  onSaved: () => void;
  onClose: () => void;
}) {
  const t = useText(committeesText);
  const language = useLanguage();
  const form = useForm({ fields: ruleFieldNames });
  const text = (value: number | null) => (value === null ? '' : String(value));
  const { values, set } = useValues({
    seats: text(body.seats),
    termYears: text(body.termYears),
    meetingsPerYear: text(body.meetingsPerYear),
    quorum: text(body.quorum),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const submit = form.submit(async () => {
    await api(`/committees/bodies/${encodeURIComponent(body.id)}/rules`, {
      method: 'PUT',
      body: {
        seats: numberOrText(values.seats),
        termYears: numberOrText(values.termYears),
        meetingsPerYear: numberOrText(values.meetingsPerYear),
        quorum: numberOrText(values.quorum),
        version: body.version,
      },
    });
    onSaved();
  });
  const labels = {
    seats: t('seatsField'),
    termYears: t('termYearsField'),
    meetingsPerYear: t('meetingsPerYearField'),
    quorum: t('quorumField'),
  };
  const headingId = `rules-${body.id}`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h4 id={headingId} ref={heading} tabIndex={-1}>
        {t('rulesTitle', { name: body.name[language] })}
      </h4>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        {ruleFieldNames.map((name) => (
          <TextField
            key={name}
            name={name}
            label={labels[name]}
            inputMode="numeric"
            value={values[name]}
            onChange={set(name)}
            error={form.errorFor(name)}
          />
        ))}
        <div className="inline-actions">
          <Button type="submit" disabled={form.pending}>
            {t('saveRules')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('closeForm')}
          </Button>
        </div>
      </form>
    </section>
  );
}
