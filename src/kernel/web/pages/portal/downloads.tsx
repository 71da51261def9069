/** A dataset's download links, each named with the dataset so a link list read out of context still says what it fetches. */
import { useLanguage, useText } from '../../i18n/index.ts';
import { portalText } from './messages.ts';
import type { Dataset } from './types.ts';

const formatNames = { csv: 'CSV', json: 'JSON', xlsx: 'Excel' } as const;

export function Downloads({ dataset }: { dataset: Dataset }) {
  const t = useText(portalText);
  const language = useLanguage();
  return (
    <ul className="inline-list">
      {dataset.formats.map((format) => (
        <li key={format}>
          <a
            href={dataset.downloads[format]}
            download
            aria-label={t('downloadAs', { title: dataset.title[language], format: formatNames[format] })}
          >
            {formatNames[format]}
          </a>
        </li>
      ))}
    </ul>
  );
}
