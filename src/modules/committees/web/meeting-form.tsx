/**
 * The fields of a meeting, shared by scheduling and editing: type, title, start and end typed as
 * the city's time, place or online link, the organiser (for bodies organised in turn), seats for the
 * public, visibility, and the tags that put a public meeting on the vocabularies' term pages.
 */

import { useState } from 'react';
import type { TagInput } from '../../../kernel/server/vocabularies/contract.ts';
import { cityClock } from '../../../kernel/web/city.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { CheckboxField, SelectField } from '../../../kernel/web/ui/index.ts';
import { type Body, type MeetingDetail, meetingKinds } from '../contract.ts';
import { committeesText } from './messages.ts';
import { numberOrText, textFields } from './shared.tsx';
import { TagPicker } from './tag-picker.tsx';

export const meetingFieldNames = [
  'kind',
  'title',
  'startsAt',
  'endsAt',
  'place',
  'onlineUrl',
  'organiser',
  'capacity',
  'tags',
] as const;
export type MeetingFieldName = (typeof meetingFieldNames)[number];

export interface MeetingValues {
  kind: (typeof meetingKinds)[number];
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string;
  organiser: string;
  capacity: string;
  isPublic: boolean;
  agendaPublished: boolean;
  cancelled: boolean;
  tags: TagInput[];
}

/** An instant as typed in the city's time: `2026-12-10T19:00`. */
export function toCityLocal(instant: string): string {
  return cityClock.localDateTime(instant).replace(' ', 'T');
}

/** `2026-12-10T19:00` typed as the city's time, sent as that instant (anything else goes as typed). */
const cityInstant = (local: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? cityClock.instantOf(local).toISOString() : local;

export function meetingValues(meeting?: MeetingDetail): MeetingValues {
  return {
    kind: meeting?.kind ?? 'regular',
    title: meeting?.title ?? '',
    startsAt: meeting ? toCityLocal(meeting.startsAt) : '',
    endsAt: meeting ? toCityLocal(meeting.endsAt) : '',
    place: meeting?.place ?? '',
    onlineUrl: meeting?.onlineUrl ?? '',
    organiser: meeting?.organiser?.en ?? '',
    capacity: meeting?.capacity === null || meeting?.capacity === undefined ? '' : String(meeting.capacity),
    isPublic: meeting?.isPublic ?? false,
    agendaPublished: meeting?.agendaPublished ?? false,
    cancelled: meeting?.cancelled ?? false,
    tags: meeting?.tags ?? [],
  };
}

/** The body of a POST or PUT for the meeting, as the API takes it. */
export function meetingPayload(values: MeetingValues) {
  return {
    kind: values.kind,
    title: values.title,
    startsAt: cityInstant(values.startsAt),
    endsAt: cityInstant(values.endsAt),
    place: values.place || null,
    onlineUrl: values.onlineUrl || null,
    organiser: values.organiser || null,
    isPublic: values.isPublic,
    agendaPublished: values.agendaPublished,
    capacity: numberOrText(values.capacity),
    cancelled: values.cancelled,
    tags: values.tags,
  };
}

export function useMeetingValues(initial: MeetingValues) {
  const [values, setValues] = useState(initial);
  const set =
    <Name extends keyof MeetingValues>(name: Name) =>
    (value: MeetingValues[Name]) =>
      setValues((current) => ({ ...current, [name]: value }));
  return { values, set };
}

export function MeetingFields({
  values,
  set,
  errorFor,
  body,
  editing,
}: {
  values: MeetingValues;
  set: ReturnType<typeof useMeetingValues>['set'];
  errorFor: (name: MeetingFieldName) => string | undefined;
  body: Body | undefined;
  /** Editing an existing meeting: it can be cancelled. */
  editing: boolean;
}) {
  const t = useText(committeesText);
  const language = useLanguage();
  const field = textFields<'title' | 'startsAt' | 'endsAt' | 'place' | 'onlineUrl' | 'capacity'>(
    values,
    set,
    errorFor,
  );
  return (
    <>
      <SelectField
        name="kind"
        label={t('meetingKind')}
        value={values.kind}
        onChange={set('kind')}
        options={meetingKinds.map((kind) => ({ value: kind, label: t(`kind_${kind}`) }))}
        error={errorFor('kind')}
        required
      />
      {field('title', t('meetingTitleField'), { required: true })}
      {field('startsAt', t('startsAt'), { hint: t('dateTimeHint'), required: true })}
      {field('endsAt', t('endsAt'), { hint: t('dateTimeHint'), required: true })}
      {field('place', t('placeField'))}
      {field('onlineUrl', t('onlineUrlField'))}
      {body && body.organisers.length > 0 ? (
        <SelectField
          name="organiser"
          label={t('organiserField')}
          value={values.organiser}
          onChange={set('organiser')}
          empty="—"
          options={body.organisers.map((organiser) => ({ value: organiser.en, label: organiser[language] }))}
          error={errorFor('organiser')}
        />
      ) : null}
      {field('capacity', t('capacityField'), { inputMode: 'numeric' })}
      <CheckboxField
        name="isPublic"
        label={t('isPublic')}
        checked={values.isPublic}
        onChange={set('isPublic')}
      />
      <CheckboxField
        name="agendaPublished"
        label={t('agendaPublished')}
        checked={values.agendaPublished}
        onChange={set('agendaPublished')}
      />
      {editing ? (
        <CheckboxField
          name="cancelled"
          label={t('cancelledField')}
          checked={values.cancelled}
          onChange={set('cancelled')}
        />
      ) : null}
      <TagPicker value={values.tags} onChange={set('tags')} error={errorFor('tags')} />
    </>
  );
}
