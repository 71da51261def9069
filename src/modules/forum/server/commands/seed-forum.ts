/**
 * The forum's part of the city's dataset: the editions (their dates only where the seed states them),
 * which figure of `figures.csv` gives each of their measures (a figure id that does not exist stops
 * the load, naming the line), the organisations the seed names, and the UN register with its
 * projects and the links the seed itself makes. Editions, documents and projects are matched by key
 * and updated in place, so a reload keeps what staff added (capacity, sessions, registrations, links).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { SeedContext } from '../../../../kernel/server/module.ts';
import {
  integer,
  matching,
  oneOf,
  optional,
  readCsv,
  rowError,
  text,
} from '../../../../kernel/server/seed/dataset-files.ts';
import {
  editionMeasures,
  organisationLevels,
  organisationRoles,
  projectStatuses,
  unDocumentKinds,
} from '../../contract.ts';
import { forumTrx } from '../tables.ts';

const kebab = matching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');
const isoDate = matching(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const path = matching(/^\/[^\s]*$/, 'a path of the platform starting with /');

/** Reads both columns of a bilingual text that may be absent: both given or both blank. */
function pairOrNull(
  origin: { file: string; line: number },
  ko: string | null,
  en: string | null,
  name: string,
) {
  if ((ko === null) !== (en === null)) {
    throw rowError(origin, `columns "${name}_ko" and "${name}_en": give both or neither`);
  }
  return ko;
}

/** The values of `excluded` for each column: an upsert that takes the dataset's row as it is. */
function fromDataset(columns: readonly string[]) {
  return Object.fromEntries(columns.map((column) => [column, sql`excluded.${sql.ref(column)}`]));
}

export async function seedForum(context: SeedContext): Promise<void> {
  const trx = forumTrx(context.trx);
  const editions = await readCsv(
    context,
    'forum-editions.csv',
    {
      year: integer,
      starts_on: optional(isoDate),
      ends_on: optional(isoDate),
      theme_en: optional(text),
      theme_ko: optional(text),
      source_section: text,
      note: optional(text),
    },
    { key: 'year' },
  );
  const years = new Set(editions.map((edition) => edition.year));
  const figures = await readCsv(context, 'forum-edition-figures.csv', {
    year: integer,
    measure: oneOf(editionMeasures),
    figure_id: kebab,
  });
  const organisations = await readCsv(context, 'forum-organisations.csv', {
    year: integer,
    role: oneOf(organisationRoles),
    level: optional(oneOf(organisationLevels)),
    name_en: text,
    name_ko: text,
    source_section: text,
  });
  const documents = await readCsv(
    context,
    'un-documents.csv',
    {
      id: kebab,
      symbol: optional(text),
      kind: oneOf(unDocumentKinds),
      title_en: text,
      title_ko: text,
      year: optional(integer),
      body_en: optional(text),
      body_ko: optional(text),
      source_section: text,
      quote: text,
      note: optional(text),
    },
    { key: 'id' },
  );
  const projects = await readCsv(
    context,
    'un-projects.csv',
    {
      id: kebab,
      name_en: text,
      name_ko: text,
      status: oneOf(projectStatuses),
      description_en: text,
      description_ko: text,
      source_section: text,
      quote: text,
      note: optional(text),
    },
    { key: 'id' },
  );
  const links = await readCsv(context, 'un-links.csv', {
    document_id: kebab,
    module: kebab,
    record_type: kebab,
    record_id: optional(text),
    path: optional(path),
    title_en: text,
    title_ko: text,
  });

  const known = new Set(
    (await trx.selectFrom('seed_figures').select('id').execute()).map((figure) => figure.id),
  );
  const seenMeasures = new Set<string>();
  for (const row of figures) {
    if (!years.has(row.year)) throw rowError(row.origin, `column "year": no edition ${row.year}`);
    if (!known.has(row.figure_id)) {
      throw rowError(row.origin, `column "figure_id": no figure "${row.figure_id}" in figures.csv`);
    }
    const key = `${row.year}/${row.measure}`;
    if (seenMeasures.has(key)) throw rowError(row.origin, `the measure ${key} repeats`);
    seenMeasures.add(key);
  }
  for (const row of organisations) {
    if (!years.has(row.year)) throw rowError(row.origin, `column "year": no edition ${row.year}`);
  }
  for (const row of editions) pairOrNull(row.origin, row.theme_ko, row.theme_en, 'theme');
  for (const row of documents) pairOrNull(row.origin, row.body_ko, row.body_en, 'body');
  const documentIds = new Set(documents.map((document) => document.id));
  for (const row of links) {
    if (!documentIds.has(row.document_id)) {
      throw rowError(
        row.origin,
        `column "document_id": no document "${row.document_id}" in un-documents.csv`,
      );
    }
    if (row.record_id === null && row.path === null) {
      throw rowError(row.origin, 'columns "record_id" and "path": give at least one');
    }
  }

  if (editions.length > 0) {
    await trx
      .insertInto('forum_editions')
      .values(
        editions.map((edition) => ({
          year: edition.year,
          starts_on: edition.starts_on,
          ends_on: edition.ends_on,
          theme_ko: edition.theme_ko,
          theme_en: edition.theme_en,
          capacity: null,
          source_section: edition.source_section,
          note: edition.note,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('year')
          .doUpdateSet(
            fromDataset(['starts_on', 'ends_on', 'theme_ko', 'theme_en', 'source_section', 'note']),
          ),
      )
      .execute();
  }
  if (figures.length > 0) {
    await trx
      .insertInto('forum_edition_figures')
      .values(figures.map(({ year, measure, figure_id }) => ({ year, measure, figure_id })))
      .onConflict((oc) => oc.columns(['year', 'measure']).doUpdateSet({ figure_id: sql`excluded.figure_id` }))
      .execute();
  }
  // Organisations come from the dataset alone: replaced whole.
  await trx.deleteFrom('forum_organisations').execute();
  if (organisations.length > 0) {
    await trx
      .insertInto('forum_organisations')
      .values(organisations.map(({ origin: _origin, ...organisation }) => organisation))
      .execute();
  }
  if (documents.length > 0) {
    await trx
      .insertInto('forum_un_documents')
      .values(documents.map(({ origin: _origin, ...document }) => document))
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet(
            fromDataset([
              'symbol',
              'kind',
              'title_ko',
              'title_en',
              'year',
              'body_ko',
              'body_en',
              'source_section',
              'quote',
              'note',
            ]),
          ),
      )
      .execute();
  }
  if (projects.length > 0) {
    await trx
      .insertInto('forum_projects')
      .values(projects.map(({ origin: _origin, ...project }) => project))
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet(
            fromDataset([
              'name_ko',
              'name_en',
              'status',
              'description_ko',
              'description_en',
              'source_section',
              'quote',
              'note',
            ]),
          ),
      )
      .execute();
  }
  await trx.deleteFrom('forum_un_links').where('seeded', '=', true).execute();
  if (links.length > 0) {
    await trx
      .insertInto('forum_un_links')
      .values(
        links.map(({ origin: _origin, title_en, title_ko, ...link }) => ({
          ...link,
          id: randomUUID(),
          title_en,
          title_ko,
          seeded: true,
        })),
      )
      .execute();
  }
}
