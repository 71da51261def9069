/** Reading the charter: its declaration and words, articles, publications and contests. */
import { type Selectable, sql, type Transaction } from 'kysely';
import type { Keyring } from '../../../kernel/server/crypto.ts';
import type { Db } from '../../../kernel/server/db.ts';
import { notFound } from '../../../kernel/server/errors.ts';
import { listFigures } from '../../../kernel/server/seed/figures.ts';
import { listTerms } from '../../../kernel/server/vocabularies/queries.ts';
import {
  type Award,
  awards,
  type CharterPage,
  type Contest,
  type ContestDetail,
  type Publication,
} from '../contract.ts';
import { type ContestRow, charterDb } from './tables.ts';

type Reader = Db | Transaction<object>;

export async function listPublications(db: Reader): Promise<Publication[]> {
  const rows = await charterDb(db)
    .selectFrom('charter_publications')
    .selectAll()
    .orderBy('sort_order')
    .orderBy('published_year')
    .orderBy('code')
    .execute();
  return rows.map((row) => ({
    code: row.code,
    title: { ko: row.title_ko, en: row.title_en },
    year: row.published_year,
    description:
      row.description_en === null
        ? null
        : { ko: row.description_ko ?? row.description_en, en: row.description_en },
    quote: row.quote,
    sourceSection: row.source_section,
    version: row.version,
  }));
}

const awardRank = (award: Award | null) => (award === null ? awards.length : awards.indexOf(award));

function presentContest(
  row: Selectable<ContestRow> & { entry_count: number },
  winners: Contest['winners'],
): Contest {
  return {
    id: row.id,
    year: row.year,
    title: { ko: row.title_ko, en: row.title_en },
    theme: row.theme_en === null ? null : { ko: row.theme_ko ?? row.theme_en, en: row.theme_en },
    status: row.status,
    exhibition: { place: row.exhibition_place, from: row.exhibition_from, to: row.exhibition_to },
    entryCount: Number(row.entry_count),
    winners,
    version: row.version,
  };
}

function contestQuery(db: Reader) {
  return charterDb(db)
    .selectFrom('charter_contests as c')
    .selectAll('c')
    .select(
      sql<number>`(select count(*)::integer from charter_entries e where e.contest_id = c.id)`.as(
        'entry_count',
      ),
    )
    .orderBy('c.year', 'desc');
}

/** Every contest; winners are listed for closed contests only (judging is over). */
export async function listContests(db: Reader): Promise<Contest[]> {
  const contests = await contestQuery(db).execute();
  const closed = contests.filter((contest) => contest.status === 'closed').map((contest) => contest.id);
  const winners =
    closed.length === 0
      ? []
      : await charterDb(db)
          .selectFrom('charter_entries')
          .select(['id', 'contest_id', 'title', 'category', 'award', 'exhibited'])
          .where('contest_id', 'in', closed)
          .where('award', 'is not', null)
          .orderBy('title')
          .execute();
  return contests.map((contest) =>
    presentContest(
      contest,
      winners
        .filter((winner) => winner.contest_id === contest.id)
        .sort((a, b) => awardRank(a.award) - awardRank(b.award))
        .map((winner) => ({
          id: winner.id,
          title: winner.title,
          category: winner.category,
          award: winner.award as Award,
          exhibited: winner.exhibited,
        })),
    ),
  );
}

export async function contestDetail(db: Reader, keys: Keyring, id: string): Promise<ContestDetail> {
  const contest = (await listContests(db)).find((candidate) => candidate.id === id);
  if (!contest) throw notFound();
  const entries = await charterDb(db)
    .selectFrom('charter_entries')
    .selectAll()
    .where('contest_id', '=', id)
    .orderBy('created_at')
    .execute();
  return {
    contest,
    entries: entries
      .map((entry) => ({
        id: entry.id,
        title: entry.title,
        category: entry.category,
        entrant: keys.decryptField(entry.entrant_enc),
        score: entry.score,
        award: entry.award,
        exhibited: entry.exhibited,
        version: entry.version,
      }))
      .sort((a, b) => awardRank(a.award) - awardRank(b.award)),
  };
}

export async function charterPage(db: Db): Promise<CharterPage> {
  const charter = charterDb(db);
  const declaration = await charter.selectFrom('charter_declaration').selectAll().executeTakeFirst();
  if (!declaration) throw notFound();
  const figures = (await listFigures(db, declaration.source_section)).filter((figure) =>
    figure.id.startsWith('charter-'),
  );
  const figureValue = (id: string) => figures.find((figure) => figure.id === id)?.value ?? null;
  const paragraphs = await charter
    .selectFrom('charter_paragraphs')
    .selectAll()
    .orderBy('paragraph')
    .execute();
  return {
    declaration: {
      declaredOn: declaration.declared_on,
      citizensDayEdition: figureValue(declaration.citizens_day_figure),
      worldRank: figureValue(declaration.world_rank_figure),
      declaredQuote: declaration.declared_quote,
      firstInAsiaQuote: declaration.first_in_asia_quote,
      sourceSection: declaration.source_section,
    },
    paragraphs: paragraphs.map((row) => ({
      paragraph: row.paragraph,
      text: { ko: row.text_ko, en: row.text_en },
      sourceSection: row.source_section,
    })),
    figures: figures.map(({ section: _section, ...figure }) => figure),
    // The charter's own articles: not the Universal Declaration's, which the rights vocabulary holds
    // as its default until the city enters its charter.
    articles: (await listTerms(db, 'rights')).terms.filter((term) => term.data.default === undefined),
    publications: await listPublications(db),
    contests: await listContests(db),
  };
}
