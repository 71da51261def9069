/** The pages the shell shows by itself: nothing at this address, not for your role, and a failure. */

import { Link } from 'react-router';
import { useText } from '../i18n/index.ts';
import { shellText, useRoleName } from '../i18n/shell.ts';
import { useSession } from '../session.tsx';
import { LiveRegion } from '../ui/live-region.tsx';
import { Page } from '../ui/page.tsx';

export function NotFoundPage() {
  const t = useText(shellText);
  return (
    <Page title={t('notFoundTitle')}>
      <p>{t('notFoundBody')}</p>
      <p>
        <Link to="/">{t('backHome')}</Link>
      </p>
    </Page>
  );
}

export function NotAllowedPage() {
  const t = useText(shellText);
  const roleName = useRoleName();
  const { user } = useSession();
  return (
    <Page title={t('notAllowedTitle')}>
      <p>{t('notAllowedBody', { role: user ? roleName(user.role) : '' })}</p>
      <p>
        <Link to="/">{t('backHome')}</Link>
      </p>
    </Page>
  );
}

export function RouteErrorPage() {
  const t = useText(shellText);
  return (
    <Page title={t('routeErrorTitle')}>
      <p>{t('routeErrorBody')}</p>
      <p>
        <Link to="/">{t('backHome')}</Link>
      </p>
    </Page>
  );
}

export function PageLoading() {
  const t = useText(shellText);
  return (
    <LiveRegion>
      <p>{t('loading')}</p>
    </LiveRegion>
  );
}
