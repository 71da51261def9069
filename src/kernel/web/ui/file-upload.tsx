/**
 * Uploading a document to the kernel's stored files (`src/kernel/server/files/`), and listing stored
 * files as download links. The browser checks the type and size before sending, so that someone on a
 * slow connection is not told after uploading 30 MB; the server decides again from the file's bytes.
 * Each form's field has its own id (`id`), so several upload forms can share a page; the server's
 * `file` field errors are moved onto it so the error summary links to the right control.
 */
import { useState } from 'react';
import { ApiError, api } from '../api.ts';
import { useText } from '../i18n/index.ts';
import { shellText } from '../i18n/shell.ts';
import { Button } from './button.tsx';
import { Field } from './field.tsx';
import { ErrorSummary, useForm } from './form.tsx';
import { formatNumber } from './format.ts';
import { Notice, useAnnounce } from './live-region.tsx';

/** As the server's `acceptedFileTypes` and `maxFileBytes`; the server's check is the one that counts. */
const fileTypes = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
} as const;
const maxMegabytes = 10;

export interface StoredFileInfo {
  id: string;
  name: string;
  contentType: string;
  sizeBytes: number;
}

export function FileUploadForm<Stored extends StoredFileInfo>({
  id,
  path,
  label,
  onUploaded,
}: {
  /** Unique on the page: the form's field is `id`. */
  id: string;
  /** The upload route, relative to /api/v1; the file's name goes in `?name=`. */
  path: string;
  label: string;
  onUploaded: (file: Stored) => void;
}) {
  const t = useText(shellText);
  const announce = useAnnounce();
  const form = useForm({
    fields: [id],
    attach: { payload_too_large: id, unsupported_media_type: id, file_type_refused: id, file_too_large: id },
  });
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const problem = (message: string) =>
    new ApiError(400, 'validation_failed', message, [{ field: `body.${id}`, code: 'file', message }]);

  const onSubmit = form.submit(async () => {
    if (!file) throw problem(t('fileMissing'));
    if (!(file.type in fileTypes)) throw problem(t('fileWrongType', { name: file.name }));
    if (file.size === 0 || file.size > maxMegabytes * 1024 * 1024) {
      throw problem(t('fileTooLarge', { name: file.name, megabytes: maxMegabytes }));
    }
    const separator = path.includes('?') ? '&' : '?';
    try {
      const stored = await api<Stored>(`${path}${separator}name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        body: file,
      });
      setFile(null);
      setInputKey((key) => key + 1);
      announce(t('fileUploaded', { name: stored.name }));
      onUploaded(stored);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      throw new ApiError(
        error.status,
        error.code,
        error.title,
        error.errors.map((fieldError) =>
          fieldError.field.split('.').pop() === 'file' ? { ...fieldError, field: `body.${id}` } : fieldError,
        ),
      );
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="form form--file">
      <ErrorSummary form={form} />
      <Field
        name={id}
        label={label}
        hint={t('fileHint', { megabytes: maxMegabytes })}
        error={form.errorFor(id)}
      >
        {(control) => (
          <input
            {...control}
            key={inputKey}
            type="file"
            accept={Object.keys(fileTypes).join(',')}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <Button type="submit" variant="secondary" disabled={form.pending}>
        {t('fileUpload')}
      </Button>
    </form>
  );
}

/** Download links, each naming the file with its type and size. */
export function StoredFileList({
  files,
  href,
}: {
  files: readonly StoredFileInfo[];
  href: (file: StoredFileInfo) => string;
}) {
  const t = useText(shellText);
  if (files.length === 0) return <Notice>{t('noFiles')}</Notice>;
  return (
    <ul className="file-list">
      {files.map((file) => (
        <li key={file.id}>
          <a href={href(file)} download={file.name}>
            {t('fileDescription', {
              name: file.name,
              type: fileTypes[file.contentType as keyof typeof fileTypes] ?? file.contentType,
              size: formatNumber(Math.max(1, Math.ceil(file.sizeBytes / 1024))),
            })}
          </a>
        </li>
      ))}
    </ul>
  );
}
