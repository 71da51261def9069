/**
 * The annual Human Rights City report: choose the year and the language, then open the HTML (anyone)
 * or download the PDF (the staff who publish it). Both are generated from the data when asked.
 */
import { useState } from 'react';
import { useText } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { Page, SelectField } from '../../ui/index.ts';
import { portalText } from './messages.ts';

const firstYear = 2012;

export default function ReportPage() {
  const t = useText(portalText);
  const { user } = useSession();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const [language, setLanguage] = useState<'ko' | 'en'>('ko');
  const years = Array.from({ length: thisYear - firstYear + 1 }, (_, index) => String(thisYear - index));
  const canPrint = user?.role === 'admin' || user?.role === 'officer';
  const base = `/api/v1/report/${year}`;
  return (
    <Page title={t('reportTitle')} lead={<p>{t('reportLead')}</p>}>
      <div className="form-row">
        <SelectField
          name="year"
          label={t('reportYear')}
          value={year}
          onChange={setYear}
          options={years.map((value) => ({ value, label: value }))}
        />
        <SelectField
          name="language"
          label={t('reportLanguage')}
          value={language}
          onChange={setLanguage}
          options={[
            { value: 'ko', label: '한국어' },
            { value: 'en', label: 'English' },
          ]}
        />
      </div>
      <ul className="inline-list">
        <li>
          <a href={`${base}.html?lang=${language}`}>{t('reportOpenHtml', { year })}</a>
        </li>
        {canPrint ? (
          <li>
            <a href={`${base}.pdf?lang=${language}`} download>
              {t('reportDownloadPdf', { year })}
            </a>
          </li>
        ) : null}
      </ul>
      <p className="meta">{t('reportCli')}</p>
    </Page>
  );
}
