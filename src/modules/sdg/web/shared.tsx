/**
 * What the SDG pages share: a goal's name (marked English where no Korean exists), a rating's label,
 * and the Agenda 2030 matrix (categories as rows, components as columns) whose cells each page fills.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Bilingual } from '../../../kernel/shared/language.ts';
import { useLanguage } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, Localized } from '../../../kernel/web/ui/index.ts';
import { type Rating, ratingScale } from '../ratings.ts';
import './sdg.css';

export function RatingLabel({ rating }: { rating: Rating }) {
  const language = useLanguage();
  return <>{ratingScale.find((entry) => entry.rating === rating)?.label[language] ?? rating}</>;
}

interface Named {
  code: string;
  name: Bilingual;
}

export function Matrix({
  caption,
  categoryHeader,
  categories,
  components,
  cell,
}: {
  caption: ReactNode;
  categoryHeader: string;
  categories: readonly Named[];
  components: readonly Named[];
  cell: (category: Named, component: Named) => ReactNode;
}) {
  const language = useLanguage();
  const columns: Column<Named>[] = [
    { key: 'category', header: categoryHeader, rowHeader: true, cell: (category) => category.name[language] },
    ...components.map((component) => ({
      key: component.code,
      header: component.name[language],
      cell: (category: Named) => cell(category, component),
    })),
  ];
  return (
    <DataTable caption={caption} columns={columns} rows={categories} rowKey={(category) => category.code} />
  );
}

/** Links to the records that support a cell; on another city's platform when `baseUrl` is given. */
export function EvidenceLinks({
  evidence,
  baseUrl,
  label,
}: {
  evidence: readonly { title: Bilingual; path: string }[];
  baseUrl?: string;
  label: string;
}) {
  if (evidence.length === 0) return null;
  return (
    <ul className="sdg-evidence" aria-label={label}>
      {evidence.map((item) => (
        <li key={item.path}>
          {baseUrl ? (
            <a href={`${baseUrl}${item.path}`}>
              <Localized text={item.title} />
            </a>
          ) : (
            <Link to={item.path}>
              <Localized text={item.title} />
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

export function findCell<Cell extends { category: string; component: string }>(
  assessment: { cells: readonly Cell[] },
  category: string,
  component: string,
): Cell | undefined {
  return assessment.cells.find((cell) => cell.category === category && cell.component === component);
}

/** An assessor's narrative in the page's language, or in the other one (marked so) if that is all there is. */
export function Narrative({ text }: { text: Bilingual }) {
  const language = useLanguage();
  const other = language === 'ko' ? 'en' : 'ko';
  if (text[language]) return <p className="sdg-cell__narrative">{text[language]}</p>;
  if (text[other]) {
    return (
      <p className="sdg-cell__narrative" lang={other}>
        {text[other]}
      </p>
    );
  }
  return null;
}
