/** Where staff land after signing in: who they are, their role, and the pages their role can use. */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../i18n/index.ts';
import { useRoleName } from '../../i18n/shell.ts';
import { useWebModules } from '../../module.ts';
import { useSession } from '../../session.tsx';
import { Page } from '../../ui/index.ts';
import { accountsText } from './messages.ts';

export default function DashboardPage() {
  const t = useText(accountsText);
  const language = useLanguage();
  const roleName = useRoleName();
  const modules = useWebModules();
  const { user } = useSession();
  if (!user) return null;
  const items = modules
    .flatMap((module) => module.navigation)
    .filter((item) => item.roles?.includes(user.role) && item.path !== '/staff');

  return (
    <Page title={t('dashboardTitle')} lead={<p>{t('dashboardLead')}</p>}>
      <h2>{t('whoYouAre')}</h2>
      <dl className="definition-list">
        <dt>{t('name')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('email')}</dt>
        <dd className="breakable">{user.email}</dd>
        <dt>{t('role')}</dt>
        <dd>{roleName(user.role)}</dd>
        <dt>{t('department')}</dt>
        <dd>{user.departmentCode ?? t('noDepartment')}</dd>
        <dt>{t('twoStep')}</dt>
        <dd>{user.totpEnabled ? t('on') : t('off')}</dd>
      </dl>
      <h2>{t('whatYouCanDo')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.path}>
            <Link to={item.path}>{item.label[language]}</Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
