/**
 * Uploading a document to the kernel's stored files (`src/kernel/server/files/`), and listing stored
 * files as download links. The browser checks the type and size before sending, so that someone on a
 * slow connection is not told after uploading 30 MB; the server decides again from the file's bytes.
 * Each form's field has its own id (`id`), so several upload forms can share a page; the server's
 * `file` field errors are moved onto it so the error summary links to the right control.
 */
import { useEffect, useRef, useState } from 'react';
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

/** Where the user may remove files: each file's DELETE address (undefined: this one stays). */
export interface FileRemoval {
  /** Relative to /api/v1. */
  path: (file: StoredFileInfo) => string | undefined;
  /** After the removal, e.g. to load the record again. */
  onRemoved: (file: StoredFileInfo) => void;
}

/**
 * The files, each named with its type and size: a download link where `href` is given. Where the
 * user may remove one, its "Remove" button asks again in place (the confirming button takes the
 * focus, so a screen reader reads the question with it), then deletes, says so, and once the list no
 * longer holds the file puts the focus on the next file's button (or the list when none is left).
 */
export function StoredFileList({
  files,
  href,
  remove,
}: {
  files: readonly StoredFileInfo[];
  href?: (file: StoredFileInfo) => string;
  remove?: FileRemoval;
}) {
  const t = useText(shellText);
  const announce = useAnnounce();
  const list = useRef<HTMLDivElement>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ id: string; message: string } | null>(null);
  const [removed, setRemoved] = useState<{ id: string; next: string | undefined } | null>(null);

  // Where the focus goes once this render is on screen: the confirming button, or back to "Remove".
  const focusAfterRender = useRef<string | null>(null);
  useEffect(() => {
    if (focusAfterRender.current === null) return;
    list.current?.querySelector<HTMLElement>(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });
  const ask = (id: string | null, focus: string) => {
    focusAfterRender.current = focus;
    setConfirming(id);
  };

  useEffect(() => {
    if (!removed || files.some((file) => file.id === removed.id)) return;
    const next = removed.next && list.current?.querySelector<HTMLElement>(`[data-file="${removed.next}"]`);
    (next || list.current)?.focus();
    setRemoved(null);
    setConfirming(null);
  }, [files, removed]);

  const confirm = async (file: StoredFileInfo, path: string) => {
    if (pending) return;
    setPending(true);
    try {
      await api(path, { method: 'DELETE' });
      const index = files.findIndex((entry) => entry.id === file.id);
      // The confirming button keeps the focus until the list, loaded again, no longer has the file.
      setRemoved({ id: file.id, next: (files[index + 1] ?? files[index - 1])?.id });
      announce(t('fileRemoved', { name: file.name }));
      remove?.onRemoved(file);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem({ id: file.id, message: error.title });
      announce(error.title);
      ask(null, `[data-file="${file.id}"]`);
    } finally {
      setPending(false);
    }
  };

  const describe = (file: StoredFileInfo) =>
    t('fileDescription', {
      name: file.name,
      type: fileTypes[file.contentType as keyof typeof fileTypes] ?? file.contentType,
      size: formatNumber(Math.max(1, Math.ceil(file.sizeBytes / 1024))),
    });
  return (
    <div ref={list} tabIndex={-1} className="file-list-region">
      {files.length === 0 ? (
        <Notice>{t('noFiles')}</Notice>
      ) : (
        <ul className="file-list">
          {files.map((file) => {
            const path = remove?.path(file);
            const question = `file-remove-${file.id}`;
            return (
              <li key={file.id}>
                {href ? (
                  <a href={href(file)} download={file.name}>
                    {describe(file)}
                  </a>
                ) : (
                  describe(file)
                )}
                {path && confirming !== file.id ? (
                  <>
                    {' '}
                    <Button
                      variant="secondary"
                      data-file={file.id}
                      aria-label={t('fileRemoveNamed', { name: file.name })}
                      onClick={() => {
                        setProblem(null);
                        ask(file.id, `[data-confirm="${file.id}"]`);
                      }}
                    >
                      {t('fileRemove')}
                    </Button>
                  </>
                ) : null}
                {path && confirming === file.id ? (
                  <div className="inline-actions">
                    <p id={question}>{t('fileRemoveQuestion', { name: file.name })}</p>
                    <Button
                      variant="danger"
                      aria-describedby={question}
                      data-confirm={file.id}
                      onClick={() => confirm(file, path)}
                    >
                      {t('fileRemoveConfirm', { name: file.name })}
                    </Button>
                    <Button variant="secondary" onClick={() => ask(null, `[data-file="${file.id}"]`)}>
                      {t('fileRemoveCancel')}
                    </Button>
                  </div>
                ) : null}
                {problem?.id === file.id ? <Notice tone="error">{problem.message}</Notice> : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
