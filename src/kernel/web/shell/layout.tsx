/**
 * The frame of every page: the skip link (the first thing Tab reaches), the header with the site's
 * name, the menus built from the web manifests (the staff menu only with the items the signed-in
 * role may use), the language switch and the account, then `<main>`, then the footer.
 */
import { useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { languageInQuery, setLanguage, useLanguage, useText } from '../i18n/index.ts';
import { shellText, useRoleName } from '../i18n/shell.ts';
import { type NavigationItem, useWebModules } from '../module.ts';
import { SearchForm } from '../pages/portal/search-form.tsx';
import { loginPath, useSession } from '../session.tsx';
import { LanguageSwitch } from './language-switch.tsx';

function Menu({ label, items }: { label: string; items: readonly NavigationItem[] }) {
  const language = useLanguage();
  if (items.length === 0) return null;
  return (
    <nav aria-label={label} className="menu">
      <ul className="menu__list">
        {items.map((item) => (
          <li key={item.path}>
            <NavLink to={item.path} end className="menu__link">
              {item.label[language]}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
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
  const { search } = useLocation();
  const busy = useNavigation().state !== 'idle';

  useEffect(() => {
    const asked = languageInQuery(search);
    if (asked) setLanguage(asked);
  }, [search]);

  const items = modules.flatMap((module) => module.navigation);
  const publicItems = items.filter((item) => !item.roles);
  const staffItems = user ? items.filter((item) => item.roles?.includes(user.role)) : [];

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
          <Menu label={t('mainMenu')} items={publicItems} />
          <Menu label={t('staffMenu')} items={staffItems} />
          <div className="site-header__tools">
            <SearchForm />
            <LanguageSwitch />
            <Account />
          </div>
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
          </ul>
        </div>
      </footer>
    </>
  );
}
