/**
 * Where staff land after signing in: who they are, their role, and the pages their role can use, under
 * a heading per group: the same groups as the header's staff menu, all open, as the full map.
 */
import { Link } from 'react-router';
import { useText } from '../../i18n/index.ts';
import { useRoleName } from '../../i18n/shell.ts';
import { useSession } from '../../session.tsx';
import { useStaffNavigation } from '../../shell/navigation.ts';
import { Page } from '../../ui/index.ts';
import { accountsText } from './messages.ts';

export default function DashboardPage() {
  const t = useText(accountsText);
  const roleName = useRoleName();
  const { user } = useSession();
  // This page itself is left out of its own map.
  const groups = useStaffNavigation(user?.role)
    .map((group) => ({ ...group, items: group.items.filter((item) => item.path !== '/staff') }))
    .filter((group) => group.items.length > 0);
  if (!user) return null;

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
      <div className="link-groups">
        {groups.map((group) => (
          <div key={group.key}>
            <h3>{group.title}</h3>
            <ul>
              {group.items.map((item) => (
                <li key={item.path}>
                  <Link to={item.path}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </Page>
  );
}
