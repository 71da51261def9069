/**
 * The signed-in user's notifications, newest first: each links to where its work is done, unread ones
 * say so in words (not by weight alone), and each can be marked read, or all at once. What was done is
 * said in a live region; the header's count follows (`notificationsChanged`).
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { NotificationList } from '../../../shared/work.ts';
import { api } from '../../api.ts';
import { useLanguage, useText } from '../../i18n/index.ts';
import { Button, formatDateTime, LiveRegion, Loaded, Page } from '../../ui/index.ts';
import { useApiData } from '../../use-api.ts';
import { notificationsText } from './messages.ts';
import { notificationPreferencesPath, notificationsChanged } from './paths.ts';

const pageSize = 20;

export default function NotificationsPage() {
  const t = useText(notificationsText);
  const language = useLanguage();
  const [offset, setOffset] = useState(0);
  const state = useApiData<NotificationList>(`/notifications?limit=${pageSize}&offset=${offset}`);
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);

  async function act(path: string, done: string) {
    setPending(true);
    setMessage('');
    try {
      await api(path, { method: 'POST' });
      state.reload(() => setMessage(done));
      window.dispatchEvent(new Event(notificationsChanged));
    } finally {
      setPending(false);
    }
  }

  return (
    <Page title={t('title')} lead={t('lead')}>
      <p>
        <Link to={notificationPreferencesPath}>{t('preferencesLink')}</Link>
      </p>
      <LiveRegion>{message ? <p className="notice notice--success">{message}</p> : null}</LiveRegion>
      <Loaded state={state}>
        {(list) => (
          <>
            <p>{t('unreadSummary', { unread: list.unread, total: list.total })}</p>
            {list.unread > 0 ? (
              <Button
                disabled={pending}
                onClick={() => void act('/notifications/read-all', t('markedAllRead'))}
              >
                {t('markAllRead')}
              </Button>
            ) : null}
            {list.items.length === 0 ? (
              <p className="notice notice--info">{t('empty')}</p>
            ) : (
              <ul className="notification-list">
                {list.items.map((item) => {
                  const title = item.title[language];
                  return (
                    <li
                      key={item.id}
                      className={item.readAt ? 'notification' : 'notification notification--unread'}
                    >
                      <p className="notification__title">
                        <span className="notification__state">
                          {item.readAt ? t('read') : t('unread')}
                          {': '}
                        </span>
                        {item.path ? <Link to={item.path}>{title}</Link> : <span>{title}</span>}
                      </p>
                      <p className="notification__meta">
                        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, language)}</time>
                      </p>
                      {item.readAt ? null : (
                        <Button
                          variant="secondary"
                          disabled={pending}
                          aria-label={t('markReadNamed', { title })}
                          onClick={() => void act(`/notifications/${item.id}/read`, t('markedRead'))}
                        >
                          {t('markRead')}
                        </Button>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {list.total > pageSize ? (
              <nav aria-label={t('title')} className="pager">
                <p>
                  {t('pageOf', {
                    from: offset + 1,
                    to: Math.min(offset + pageSize, list.total),
                    total: list.total,
                  })}
                </p>
                {offset > 0 ? (
                  <Button variant="secondary" onClick={() => setOffset(Math.max(0, offset - pageSize))}>
                    {t('previous')}
                  </Button>
                ) : null}
                {offset + pageSize < list.total ? (
                  <Button variant="secondary" onClick={() => setOffset(offset + pageSize)}>
                    {t('next')}
                  </Button>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </Loaded>
    </Page>
  );
}
