/**
 * The header's unread count: a link to the notifications page whose accessible name says the count
 * in words ("알림 3건 읽지 않음" / "Notifications 3 unread"). It is read again on every navigation,
 * when the user marks notifications read, and every two minutes while the page is visible (modest:
 * the count is a hint, the list is the truth). When it rises while the user is on a page, a polite
 * live region says so once; the first reading of a visit is not announced.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { NotificationList } from '../../shared/work.ts';
import { api } from '../api.ts';
import { useText } from '../i18n/index.ts';
import { notificationsText } from '../pages/notifications/messages.ts';
import { notificationsChanged, notificationsPath } from '../pages/notifications/paths.ts';
import { LiveRegion } from '../ui/index.ts';

const pollMs = 120_000;

export function NotificationCount() {
  const t = useText(notificationsText);
  const { pathname } = useLocation();
  const [unread, setUnread] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const last = useRef<number | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each navigation is a reason to read again.
  useEffect(() => {
    const controller = new AbortController();
    const read = () => {
      if (document.visibilityState === 'hidden') return;
      api<NotificationList>('/notifications?limit=1', { signal: controller.signal, fresh: true })
        .then((list) => {
          if (last.current !== null && list.unread > last.current) {
            setAnnouncement(t('headerNew', { count: list.unread }));
          }
          last.current = list.unread;
          setUnread(list.unread);
        })
        .catch(() => {
          // The count is a hint: a failed reading leaves the last one shown.
        });
    };
    read();
    const timer = window.setInterval(read, pollMs);
    window.addEventListener(notificationsChanged, read);
    return () => {
      controller.abort();
      window.clearInterval(timer);
      window.removeEventListener(notificationsChanged, read);
    };
  }, [pathname, t]);

  // The name is the link's own text (the visible words and count, then words heard only), so that
  // what is seen is what voice control users say: "알림 3건 읽지 않음" / "Notifications 3 unread".
  return (
    <>
      <Link to={notificationsPath} className="notification-count">
        {t('title')}{' '}
        {unread ? (
          <>
            <span className="notification-count__badge">{unread}</span>
            <span className="visually-hidden">{t('headerUnread')}</span>
          </>
        ) : (
          <span className="visually-hidden">{t('headerNone')}</span>
        )}
      </Link>
      <LiveRegion hidden>{announcement}</LiveRegion>
    </>
  );
}
