/**
 * A UN recommendation's own details on its page: mechanism, body, document symbol and paragraph, whom
 * it addresses, cycle and year, and the text in the language the UN issued it in (marked with that
 * language, so a screen reader reads French as French).
 */
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import type { Recommendation } from '../contract.ts';
import { unText } from './un-messages.ts';

export function UnDetailsSection({ record }: { record: Recommendation }) {
  const t = useText(unText);
  const language = useLanguage();
  const un = record.un;
  if (!un) return null;
  const untranslated = record.text[language] === un.originalText;
  return (
    <section className="section" aria-labelledby="recommendation-un">
      <h2 id="recommendation-un">{t('unTitle')}</h2>
      <dl className="definition-list">
        <dt>{t('mechanism')}</dt>
        <dd>{t(`mechanism_${un.mechanism}`)}</dd>
        <dt>{t('body')}</dt>
        <dd lang="en">{un.body}</dd>
        <dt>{t('symbol')}</dt>
        <dd lang="en">{un.symbol}</dd>
        <dt>{t('paragraph')}</dt>
        <dd>{un.paragraph}</dd>
        <dt>{t('addressedTo')}</dt>
        <dd>{t(`addressedTo_${un.addressedTo}`)}</dd>
        <dt>{t('cycle')}</dt>
        <dd>{un.cycle ? <span lang="en">{un.cycle}</span> : t('notRecorded')}</dd>
        <dt>{t('year')}</dt>
        <dd>{un.year ?? t('notRecorded')}</dd>
      </dl>
      <h3 id="recommendation-un-original">{t('original')}</h3>
      {untranslated ? <p className="meta">{t('originalNote')}</p> : null}
      <blockquote className="prose" lang={un.originalLanguage} aria-labelledby="recommendation-un-original">
        <p>{un.originalText}</p>
      </blockquote>
    </section>
  );
}
