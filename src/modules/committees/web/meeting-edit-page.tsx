/**
 * The secretariat edits a meeting: type, the city's date and time, place or online link, organiser, seats,
 * visibility (publishing the agenda publishes its documents too) and tags. The version read goes with
 * the change, so an edit made meanwhile by someone else comes back as a "reload" problem in the
 * form's error summary instead of being overwritten.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Body, MeetingDetail } from '../contract.ts';
import {
  MeetingFields,
  meetingFieldNames,
  meetingPayload,
  meetingValues,
  useMeetingValues,
} from './meeting-form.tsx';
import { committeesText } from './messages.ts';
import { meetingPath } from './paths.ts';

function EditMeeting({
  meeting,
  body,
  onSaved,
}: {
  meeting: MeetingDetail;
  body: Body | undefined;
  onSaved: () => void;
}) {
  const t = useText(committeesText);
  const form = useForm({ fields: meetingFieldNames });
  const { values, set } = useMeetingValues(meetingValues(meeting));
  const submit = form.submit(async () => {
    await api(`/committees/meetings/${encodeURIComponent(meeting.id)}`, {
      method: 'PUT',
      body: { ...meetingPayload(values), version: meeting.version },
    });
    onSaved();
  });
  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary form={form} />
      <MeetingFields values={values} set={set} errorFor={form.errorFor} body={body} editing />
      <Button type="submit" disabled={form.pending}>
        {t('saveMeeting')}
      </Button>
    </form>
  );
}

export default function MeetingEditPage() {
  const t = useText(committeesText);
  const { id = '' } = useParams();
  const meeting = useApiData<MeetingDetail>(`/committees/meetings/${encodeURIComponent(id)}`);
  const bodies = useApiData<{ bodies: Body[] }>('/committees/bodies');
  const [saved, setSaved] = useState(false);
  return (
    <Page title={t('editMeetingTitle')} lead={meeting.data ? <p>{meeting.data.title}</p> : null}>
      <p>
        <Link to={meetingPath(id)}>{t('backToMeeting')}</Link>
      </p>
      <Loaded state={meeting}>
        {(data) => (
          <EditMeeting
            // A saved edit reloads the meeting: the form starts again from what was stored, new version.
            key={data.version}
            meeting={data}
            body={bodies.data?.bodies.find((candidate) => candidate.id === data.bodyId)}
            onSaved={() => {
              setSaved(true);
              meeting.reload();
            }}
          />
        )}
      </Loaded>
      <LiveRegion>
        {saved ? (
          <Notice tone="success">
            {t('meetingSaved')} <Link to={meetingPath(id)}>{t('backToMeeting')}</Link>
          </Notice>
        ) : null}
      </LiveRegion>
    </Page>
  );
}
