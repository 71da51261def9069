/**
 * The frame of every page: the skip link (the first thing Tab reaches), the header with the site's
 * name, the search, the language switch and the account, then the menus built from the web manifests
 * (the staff menu only for a signed-in user, with the items their role may use), then `<main>`, then
 * the footer. The header's order on screen is its order in the page, so Tab follows what one sees.
 */
import { useEffect, useId } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { languageInQuery, setLanguage, useLanguage, useText } from '../i18n/index.ts';
import { shellText, useRoleName } from '../i18n/shell.ts';
import { type NavigationItem, useWebModules } from '../module.ts';
import { SearchForm } from '../pages/portal/search-form.tsx';
import { loginPath, useSession } from '../session.tsx';
import { useDisclosure } from '../ui/disclosure.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { type NavigationGroup, useStaffNavigation } from './navigation.ts';
import { NotificationCount } from './notification-count.tsx';

/**
 * The public menu: a row of links on a wide screen; on a narrow one (the stylesheet's breakpoint) the
 * row collapses behind a "Menu" button, so that a phone shows the page's heading on its first screen.
 */
function MainMenu({ items }: { items: readonly NavigationItem[] }) {
  const t = useText(shellText);
  const language = useLanguage();
  const { open, containerRef, buttonProps, panelProps } = useDisclosure();
  return (
    <nav aria-label={t('mainMenu')} className="menu menu--main" ref={containerRef}>
      <button {...buttonProps} className="menu__toggle">
        {t('menu')}
      </button>
      <div {...panelProps} className={panelClass(open)}>
        <ul className="menu__list">
          {items.map((item) => (
            <MenuLink key={item.path} path={item.path} label={item.label[language]} />
          ))}
        </ul>
      </div>
    </nav>
  );
}

/**
 * The staff menu, closed until asked for on every screen: its groups (one per module) would otherwise
 * push the page below the fold. Each group is a `role="group"` named by its visible label: screen
 * readers announce a group's name when focus enters it by Tab, which they do not all do for a named
 * list; and headings would come before the page's `h1` in the heading outline.
 */
function StaffMenu({ groups }: { groups: readonly NavigationGroup[] }) {
  const t = useText(shellText);
  const { open, containerRef, buttonProps, panelProps } = useDisclosure();
  const idPrefix = useId();
  return (
    <nav aria-label={t('staffMenu')} className="menu menu--staff" ref={containerRef}>
      <button {...buttonProps} className="menu__toggle">
        {t('staffMenu')}
      </button>
      <div {...panelProps} className={panelClass(open)}>
        {groups.map((group) => {
          const labelId = `${idPrefix}-${group.key}`;
          return (
            // biome-ignore lint/a11y/useSemanticElements: a fieldset groups form controls, not links.
            <div key={group.key} role="group" aria-labelledby={labelId} className="menu__group">
              <p id={labelId} className="menu__group-label">
                {group.title}
              </p>
              <ul className="menu__list">
                {group.items.map((item) => (
                  <MenuLink key={item.path} {...item} />
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </nav>
  );
}

function panelClass(open: boolean): string {
  return open ? 'menu__panel menu__panel--open' : 'menu__panel';
}

function MenuLink({ path, label }: { path: string; label: string }) {
  return (
    <li>
      <NavLink to={path} end className="menu__link">
        {label}
      </NavLink>
    </li>
  );
}

function Account() {
  const t = useText(shellText);
  const roleName = useRoleName();
  const { user, signOut } = useSession();
  if (!user) {
    return (
      <Link to={loginPath} className="account__sign-in">
        {t('signIn')}
      </Link>
    );
  }
  return (
    <>
      <NotificationCount />
      <span className="account__user">
        {t('signedInAs', { name: user.displayName, role: roleName(user.role) })}
      </span>
      <button
        type="button"
        className="account__sign-out"
        onClick={() => {
          // A fresh start at home: nothing the staff pages held stays in the page's memory, and no
          // staff page is left to send the visitor to the sign-in page.
          void signOut().finally(() => window.location.assign('/'));
        }}
      >
        {t('signOut')}
      </button>
    </>
  );
}

export function Layout() {
  const modules = useWebModules();
  const t = useText(shellText);
  const { user } = useSession();
  const { pathname, search } = useLocation();
  const busy = useNavigation().state !== 'idle';

  useEffect(() => {
    const asked = languageInQuery(search);
    if (asked) setLanguage(asked);
  }, [search]);

  const publicItems = modules.flatMap((module) => module.navigation).filter((item) => !item.roles);
  const staffGroups = useStaffNavigation(user?.role);

  return (
    <>
      {/* A plain fragment link: the browser moves focus to <main> (tabindex -1) and scrolls to it. */}
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-header__name" aria-label={t('homeLink')}>
            {t('siteName')}
          </Link>
          <div className="site-header__tools">
            <SearchForm />
            <LanguageSwitch />
            <Account />
          </div>
          {/* Keyed by the page: any way of arriving at another page (Back included) closes them. */}
          <MainMenu key={`main:${pathname}`} items={publicItems} />
          {staffGroups.length > 0 ? <StaffMenu key={`staff:${pathname}`} groups={staffGroups} /> : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} aria-busy={busy}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t('footerAbout')}</p>
          <ul className="site-footer__links">
            <li>
              <a href="/api/v1/docs/">{t('apiDocs')}</a>
            </li>
            <li>
              <Link to="/open-data">{t('openData')}</Link>
            </li>
            <li>
              {/* The AGPL's offer of the source to everyone who uses the platform over the network. */}
              <a href="/api/v1/source">{t('sourceCode')}</a>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}
