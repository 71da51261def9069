/**
 * One meeting: when and where, its organiser, the agenda (once published), the minutes (once
 * published) and decisions; registration when the meeting takes it. Members and the secretariat also
 * see internal meetings, draft minutes and comments; the secretariat records attendance, moves the
 * minutes on and reads the registrants.
 */

import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, apiBase } from '../../../kernel/web/api.ts';
import { cityTimeZone } from '../../../kernel/web/city.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import { FileUploadForm, StoredFileList } from '../../../kernel/web/ui/file-upload.tsx';
import {
  Button,
  ErrorSummary,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { MeetingDetail } from '../contract.ts';
import { MeetingStaff } from './meeting-staff.tsx';
import { committeesText } from './messages.ts';
import { MeetingRecommendations, meetingWhen, seatsLeft } from './shared.tsx';
import { findTerm, termLabel, useTagVocabularies } from './tag-picker.tsx';

interface Registration {
  status: 'confirmed' | 'waiting';
  waitingPosition: number | null;
  cancellationToken: string;
}

function RegistrationForm({ meeting, onRegistered }: { meeting: MeetingDetail; onRegistered: () => void }) {
  const t = useText(committeesText);
  const form = useForm({ fields: ['name', 'contact'] });
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [result, setResult] = useState<Registration | null>(null);
  const submit = form.submit(async () => {
    setResult(
      await api<Registration>(`/committees/meetings/${meeting.id}/registrations`, {
        method: 'POST',
        body: { name, contact },
      }),
    );
    setName('');
    setContact('');
    onRegistered();
  });
  const left = seatsLeft(meeting);
  return (
    <section className="section" aria-labelledby="register">
      <h2 id="register">{t('registerTitle')}</h2>
      <p className="prose">{t('registerLead')}</p>
      {left === 0 ? (
        <Notice tone="warning">{t('registrationFull', { capacity: meeting.capacity ?? 0 })}</Notice>
      ) : null}
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField
          name="name"
          label={t('registrantName')}
          value={name}
          onChange={setName}
          error={form.errorFor('name')}
          autoComplete="name"
          required
        />
        <TextField
          name="contact"
          label={t('registrantContact')}
          value={contact}
          onChange={setContact}
          error={form.errorFor('contact')}
          autoComplete="email"
          required
        />
        <Button type="submit" disabled={form.pending}>
          {t('register')}
        </Button>
      </form>
      <LiveRegion>
        {result ? (
          <Notice tone="success">
            <p className="registration-result">
              {result.status === 'confirmed'
                ? t('registeredConfirmed')
                : t('registeredWaiting', { position: result.waitingPosition ?? 0 })}
            </p>
            <p>
              {t('tokenLabel')}: <code className="mono registration-token">{result.cancellationToken}</code>
            </p>
            <p>{t('tokenHint')}</p>
          </Notice>
        ) : null}
      </LiveRegion>
    </section>
  );
}

/** The terms the meeting is tagged with, each linking to its page (other records on the same topic). */
function Topics({ tags }: { tags: MeetingDetail['tags'] }) {
  const language = useLanguage();
  const lists = useTagVocabularies();
  return (
    <ul className="tag-list">
      {tags.map((tag) => {
        const term = findTerm(lists, tag);
        return (
          <li key={`${tag.vocabulary}/${tag.code}`}>
            <Link to={`/vocabularies/${tag.vocabulary}/${encodeURIComponent(tag.code)}`}>
              {term ? termLabel(term, language) : tag.code}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * An item's uploaded documents; the secretariat also uploads here (before or after publishing), and
 * removes one until the agenda is published (then it is part of the public record).
 */
function AgendaFiles({
  item,
  canUpload,
  canRemove,
  onChanged,
}: {
  item: MeetingDetail['agenda'][number];
  canUpload: boolean;
  canRemove: boolean;
  onChanged: () => void;
}) {
  const t = useText(committeesText);
  if (!canUpload && item.files.length === 0) return null;
  const headingId = `files-${item.id}`;
  const itemPath = `/committees/agenda-items/${encodeURIComponent(item.id)}/files`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="visually-hidden">
        {`${item.title}: ${t('files')}`}
      </h3>
      <StoredFileList
        files={item.files}
        href={(file) => `${apiBase}/committees/documents/${file.id}`}
        {...(canRemove ? { remove: { path: (file) => `${itemPath}/${file.id}`, onRemoved: onChanged } } : {})}
      />
      {canUpload ? (
        <FileUploadForm
          id={`file-${item.id}`}
          path={itemPath}
          label={t('attachFile', { title: item.title })}
          onUploaded={onChanged}
        />
      ) : null}
    </section>
  );
}

function MeetingBody({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const t = useText(committeesText);
  const language = useLanguage();
  const { user } = useSession();
  const isSecretariat = user?.role === 'admin' || user?.role === 'officer';
  const open =
    meeting.isPublic &&
    meeting.capacity !== null &&
    !meeting.cancelled &&
    new Date(meeting.startsAt) > new Date();
  return (
    <>
      {meeting.cancelled ? <Notice tone="warning">{t('cancelled')}</Notice> : null}
      <dl className="definition-list">
        <dt>{t('body')}</dt>
        <dd>{meeting.bodyName[language]}</dd>
        <dt>{t('kind')}</dt>
        <dd>{t(`kind_${meeting.kind}`)}</dd>
        <dt>{t('when')}</dt>
        <dd>{meetingWhen(meeting, language)}</dd>
        {meeting.place ? (
          <>
            <dt>{t('place')}</dt>
            <dd>{meeting.place}</dd>
          </>
        ) : null}
        {meeting.onlineUrl ? (
          <>
            <dt>{t('onlineLink')}</dt>
            <dd>
              <a href={meeting.onlineUrl}>{meeting.onlineUrl}</a>
            </dd>
          </>
        ) : null}
        {meeting.organiser ? (
          <>
            <dt>{t('organiser')}</dt>
            <dd>{meeting.organiser[language]}</dd>
          </>
        ) : null}
        {meeting.tags.length > 0 ? (
          <>
            <dt>{t('topics')}</dt>
            <dd>
              <Topics tags={meeting.tags} />
            </dd>
          </>
        ) : null}
        {meeting.capacity !== null ? (
          <>
            <dt>{t('seatsLeft')}</dt>
            <dd>{t('seatsLeftValue', { left: seatsLeft(meeting) ?? 0, capacity: meeting.capacity })}</dd>
          </>
        ) : null}
      </dl>
      <section className="section" aria-labelledby="agenda">
        <h2 id="agenda">{t('agendaTitle')}</h2>
        {meeting.agenda.length === 0 ? (
          <p>{t('agendaNotPublished')}</p>
        ) : (
          <ol>
            {meeting.agenda.map((item) => (
              <li key={item.id}>
                <strong>{item.title}</strong>
                {item.summary ? <p>{item.summary}</p> : null}
                {item.documents.length > 0 ? (
                  <ul aria-label={t('documents')}>
                    {item.documents.map((document) => (
                      <li key={document.url}>
                        <a href={document.url}>{document.title}</a>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <AgendaFiles
                  item={item}
                  canUpload={isSecretariat}
                  canRemove={isSecretariat && !meeting.agendaPublished}
                  onChanged={reload}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="section" aria-labelledby="minutes">
        <h2 id="minutes">{t('minutesTitle')}</h2>
        {meeting.attendance !== null ? (
          <p className="meta">
            {t('minutesStatus')}: {t(`minutes_${meeting.minutesStatus}`)}
          </p>
        ) : null}
        {meeting.minutes ? (
          <p className="prose minutes-text">{meeting.minutes}</p>
        ) : (
          <p>{t('minutesNotPublished')}</p>
        )}
        {meeting.decisions.length > 0 ? (
          <>
            <h3>{t('decisionsTitle')}</h3>
            <ul>
              {meeting.decisions.map((decision) => (
                <li key={decision.id}>{decision.text}</li>
              ))}
            </ul>
          </>
        ) : null}
        <MeetingRecommendations recommendations={meeting.recommendations ?? []} staff={isSecretariat} />
      </section>
      {open ? <RegistrationForm meeting={meeting} onRegistered={reload} /> : null}
      {meeting.comments !== null ? <Comments meeting={meeting} reload={reload} /> : null}
      {isSecretariat ? <MeetingStaff meeting={meeting} reload={reload} /> : null}
    </>
  );
}

function Comments({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const t = useText(committeesText);
  const language = useLanguage();
  const form = useForm({ fields: ['body'] });
  const [body, setBody] = useState('');
  const submit = form.submit(async () => {
    await api(`/committees/meetings/${meeting.id}/comments`, { method: 'POST', body: { body } });
    setBody('');
    reload();
  });
  return (
    <section className="section" aria-labelledby="comments">
      <h2 id="comments">{t('commentsTitle')}</h2>
      <ul className="result-list">
        {(meeting.comments ?? []).map((comment) => (
          <li key={comment.id}>
            <p>{comment.body}</p>
            <p className="meta">
              {comment.author},{' '}
              {new Date(comment.createdAt).toLocaleString(language === 'ko' ? 'ko-KR' : 'en-GB', {
                timeZone: cityTimeZone,
                hourCycle: 'h23',
              })}
            </p>
          </li>
        ))}
      </ul>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField
          name="body"
          label={t('comment')}
          value={body}
          onChange={setBody}
          error={form.errorFor('body')}
          multiline
          rows={3}
          required
        />
        <Button type="submit" variant="secondary" disabled={form.pending}>
          {t('addComment')}
        </Button>
      </form>
    </section>
  );
}

export default function MeetingPage() {
  const t = useText(committeesText);
  const { id = '' } = useParams();
  const meeting = useApiData<MeetingDetail>(`/committees/meetings/${encodeURIComponent(id)}`);
  return (
    <Page title={meeting.data?.title ?? t('meetingTitle')}>
      <Loaded state={meeting}>{(data) => <MeetingBody meeting={data} reload={meeting.reload} />}</Loaded>
    </Page>
  );
}
