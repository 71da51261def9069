/**
 * A report's evidence files: download links for whoever reads the task, and for the lead department
 * an upload form on each of its reports awaiting review, where it also removes a file it attached by
 * mistake (after the office decides, a revision's files are history; a returned report takes more on
 * its resubmission, and the files it carried over from the returned one stay).
 */
import { apiBase } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { FileUploadForm, StoredFileList } from '../../../kernel/web/ui/file-upload.tsx';
import type { Report } from '../contract.ts';
import { planStaffText } from './messages.ts';

const fileHref = (report: Report) => (file: { id: string }) =>
  `${apiBase}/plan/staff/reports/${report.id}/files/${file.id}`;

/** The files of one revision, for the history table (nothing when it has none). */
export function ReportFileLinks({ report }: { report: Report }) {
  return report.files.length === 0 ? null : <StoredFileList files={report.files} href={fileHref(report)} />;
}

export function EvidenceUploads({
  reports: history,
  onChanged,
}: {
  /** Every revision of the task's reports. */
  reports: readonly Report[];
  onChanged: (message: string) => void;
}) {
  const t = useText(planStaffText);
  const reports = [...history].reverse().filter((report) => report.state === 'submitted');
  const reviewed = new Set(
    history
      .filter((report) => report.state !== 'submitted')
      .flatMap((report) => report.files.map((file) => file.id)),
  );
  if (reports.length === 0) return null;
  return (
    <section className="section" aria-labelledby="evidence-files">
      <h2 id="evidence-files">{t('evidenceFilesTitle')}</h2>
      <p>{t('evidenceFilesLead')}</p>
      {reports.map((report) => (
        <section key={report.id} aria-labelledby={`evidence-files-${report.id}`}>
          <h3 id={`evidence-files-${report.id}`}>
            {t('evidenceFilesOf', { period: report.period, revision: report.revision })}
          </h3>
          <StoredFileList
            files={report.files}
            href={fileHref(report)}
            remove={{
              path: (file) =>
                reviewed.has(file.id) ? undefined : `/plan/staff/reports/${report.id}/files/${file.id}`,
              onRemoved: () => onChanged(''),
            }}
          />
          <FileUploadForm
            id={`evidence-file-${report.id}`}
            path={`/plan/staff/reports/${report.id}/files`}
            label={t('evidenceFile', { period: report.period })}
            onUploaded={(file) => onChanged(t('fileAttached', { name: file.name, period: report.period }))}
          />
        </section>
      ))}
    </section>
  );
}
