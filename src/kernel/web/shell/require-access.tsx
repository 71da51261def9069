/**
 * The browser's side of access: a page for signed-in users sends a visitor to the login page (and
 * back here afterwards); a page for other roles says so instead of failing on the API's 403; a user
 * who must first set up two-step verification is taken to do that.
 */
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { canAccess, type PageAccess } from '../module.ts';
import { enrolmentPath, loginPath, useSession } from '../session.tsx';
import { NotAllowedPage, PageLoading } from './status-pages.tsx';

export function RequireAccess({ access, children }: { access: PageAccess; children: ReactNode }) {
  const { status, user, totpEnrolmentRequired } = useSession();
  const location = useLocation();
  if (status === 'loading') return <PageLoading />;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`${loginPath}?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!canAccess(access, user.role)) return <NotAllowedPage />;
  // The server answers nothing else until the second factor that the role requires is set up.
  if (totpEnrolmentRequired && location.pathname !== enrolmentPath)
    return <Navigate to={enrolmentPath} replace />;
  return children;
}
