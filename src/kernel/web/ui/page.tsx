/**
 * Every page renders through `Page`: it sets the document title, renders the page's one `h1`, and
 * after a navigation moves focus to that heading and announces the new title, so that keyboard and
 * screen reader users start reading the new page instead of being left on the link they followed.
 * The first page of a visit does not take focus: the first Tab must reach the skip link.
 */

import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useText } from '../i18n/index.ts';
import { shellText } from '../i18n/shell.ts';
import { useAnnounce } from './live-region.tsx';

/** The path whose page last took focus; starts as the page the visit began on. */
let focusedPath = window.location.pathname;

interface PageProps {
  title: string;
  /** A short introduction under the heading. */
  lead?: ReactNode;
  children?: ReactNode;
}

export function Page({ title, lead, children }: PageProps) {
  const t = useText(shellText);
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  const announce = useAnnounce();
  const siteName = t('siteName');

  useEffect(() => {
    document.title = title === siteName ? title : `${title} | ${siteName}`;
  }, [title, siteName]);

  // Keyed on the path alone: a filter that changes the query, or a language switch, is no new page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the title is read when the path changes, not followed.
  useEffect(() => {
    if (pathname === focusedPath) return;
    focusedPath = pathname;
    heading.current?.focus();
    announce(title);
  }, [pathname]);

  return (
    <div className="page">
      <h1 ref={heading} tabIndex={-1} className="page__title">
        {title}
      </h1>
      {lead ? <div className="page__lead">{lead}</div> : null}
      {children}
    </div>
  );
}
