/**
 * "The city in figures": every figure of the city's dataset in one table (section, year, value, unit,
 * note), filterable by section. The filter is a form with a button, kept in the URL (`?section=`), so
 * choosing in the list changes nothing until the reader asks for it, and a filtered view can be shared.
 * Each row's id is the figure's id, so `/figures#<id>` (how tagged figures link here) points at it.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { useLanguage, useText } from '../../i18n/index.ts';
import { Button, type Column, DataTable, Field, formatNumber, Loaded, Page } from '../../ui/index.ts';
import { useApiData } from '../../use-api.ts';
import { figuresText, sectionName, unitName } from './messages.ts';
import type { Figure, FigureList } from './types.ts';

function SectionFilter({ sections, current }: { sections: readonly string[]; current: string }) {
  const t = useText(figuresText);
  const [search, setSearch] = useSearchParams();
  const [chosen, setChosen] = useState(current);
  useEffect(() => setChosen(current), [current]);

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams(search);
    if (chosen) next.set('section', chosen);
    else next.delete('section');
    setSearch(next);
  }

  return (
    <form noValidate onSubmit={apply} aria-labelledby="filter-title">
      <h2 id="filter-title">{t('filterTitle')}</h2>
      <div className="form-row">
        <Field name="section" label={t('section')}>
          {(control) => (
            <select {...control} value={chosen} onChange={(event) => setChosen(event.target.value)}>
              <option value="">{t('allSections')}</option>
              {sections.map((section) => (
                <option key={section} value={section}>
                  {sectionName(t, section)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field">
          <Button type="submit">{t('show')}</Button>
        </div>
      </div>
    </form>
  );
}

export default function FiguresPage() {
  const t = useText(figuresText);
  const language = useLanguage();
  const { hash } = useLocation();
  const [search] = useSearchParams();
  const section = search.get('section') ?? '';
  const state = useApiData<FigureList>('/figures');

  // A link to one figure (`#id`) scrolls to its row once the table is there.
  useEffect(() => {
    if (hash && state.data) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash, state.data]);

  // The figure's name first: on a narrow screen, what it is and its value are what shows before the
  // table scrolls.
  const columns: Column<Figure>[] = [
    { key: 'label', header: t('label'), rowHeader: true, cell: (figure) => figure.label[language] },
    {
      key: 'value',
      header: t('value'),
      numeric: true,
      sortValue: (figure) => figure.value,
      cell: (figure) => formatNumber(figure.value),
    },
    { key: 'unit', header: t('unit'), cell: (figure) => unitName(t, figure.unit) },
    {
      key: 'year',
      header: t('year'),
      numeric: true,
      sortValue: (figure) => figure.year ?? 0,
      cell: (figure) => figure.year ?? '',
    },
    {
      key: 'section',
      header: t('section'),
      sortValue: (figure) => figure.section,
      cell: (figure) => sectionName(t, figure.section),
    },
    {
      key: 'note',
      header: t('note'),
      // The dataset's notes are written in English.
      cell: (figure) => (figure.note ? <span lang="en">{figure.note}</span> : ''),
    },
  ];

  return (
    <Page title={t('title')} lead={<p>{t('lead')}</p>}>
      <Loaded state={state}>
        {({ figures }) => {
          const sections = [...new Set(figures.map((figure) => figure.section))];
          const shown = section ? figures.filter((figure) => figure.section === section) : figures;
          return (
            <>
              <SectionFilter sections={sections} current={section} />
              <DataTable
                caption={
                  section
                    ? t('captionSection', { section: sectionName(t, section), count: shown.length })
                    : t('caption', { count: shown.length })
                }
                columns={columns}
                rows={shown}
                rowKey={(figure) => figure.id}
                rowId={(figure) => figure.id}
                empty={t('empty')}
              />
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
