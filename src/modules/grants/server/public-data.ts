/**
 * What the public sees of grants: the programmes' published figures, Table 4, the published calls and
 * the awarded grants (their public titles, recipients and amounts), the 360Giving export of the same
 * awards, headline figures and the portal search. Drafts, applications not awarded, reviews and
 * attachments never appear here.
 */

import { type SqlBool, sql } from 'kysely';
import { clock } from '../../../kernel/server/city/clock.ts';
import type { Db } from '../../../kernel/server/db.ts';
import type { Headline, PublicSearchHit } from '../../../kernel/server/module.ts';
import { anyContains, containsPattern } from '../../../kernel/server/search.ts';
import type { Award, Overview } from '../contract.ts';
import { readSettings } from './commands/settings.ts';
import { awardedStatuses, listCalls } from './queries.ts';
import { grantsDb } from './tables.ts';

export const overviewPath = '/grants';

export async function participation(db: Db) {
  const rows = await grantsDb(db)
    .selectFrom('grants_neighbourhood_participation')
    .selectAll()
    .orderBy('year')
    .execute();
  return rows.map((row) => ({
    year: row.year,
    neighbourhoods: row.neighbourhoods,
    supportUsd: Number(row.support_usd),
    textNeighbourhoods: row.text_neighbourhoods,
    note: row.note,
  }));
}

async function programmes(db: Db) {
  const rows = await grantsDb(db).selectFrom('grants_programmes').selectAll().orderBy('since').execute();
  return rows.map((row) => ({
    kind: row.kind,
    name: { ko: row.name_ko, en: row.name_en },
    since: row.since,
    sourceSection: row.source_section,
    funder: row.funder,
    annualBudgetUsd: row.annual_budget_usd === null ? null : Number(row.annual_budget_usd),
    programmesPerYear: row.programmes_per_year,
    budgetUnchangedYears: row.budget_unchanged_years,
    note: row.note,
  }));
}

function awardQuery(db: Db) {
  return grantsDb(db)
    .selectFrom('grants_applications as a')
    .innerJoin('grants_calls as c', 'c.id', 'a.call_id')
    .innerJoin('grants_organisations as o', 'o.user_id', 'a.organisation_id')
    .select([
      'a.id',
      'a.title',
      'a.public_title',
      'a.district',
      'a.amount_awarded',
      'a.awarded_at',
      'a.updated_at',
      'c.kind',
      'c.year',
      'c.title_ko',
      'c.title_en',
      'c.currency',
      'o.name as organisation',
      'o.registration_number',
      'o.user_id as organisation_id',
    ])
    .where('a.status', 'in', awardedStatuses)
    .orderBy('a.awarded_at', 'desc');
}

type AwardRow = Awaited<ReturnType<ReturnType<typeof awardQuery>['execute']>>[number];

/** The title the public sees: the applicant's public title, else the project title. */
const publicTitle = (row: AwardRow) => row.public_title || row.title;

function presentAward(row: AwardRow, prefix: string): Award {
  return {
    id: row.id,
    identifier: `${prefix}-${row.id}`,
    title: publicTitle(row),
    organisation: row.organisation,
    kind: row.kind,
    callTitle: { ko: row.title_ko, en: row.title_en },
    year: row.year,
    currency: row.currency,
    amount: Number(row.amount_awarded),
    awardedAt: (row.awarded_at ?? row.updated_at).toISOString(),
  };
}

export async function listAwards(db: Db): Promise<Award[]> {
  const [rows, settings] = await Promise.all([awardQuery(db).execute(), readSettings(grantsDb(db))]);
  return rows.map((row) => presentAward(row, settings.identifierPrefix));
}

export async function overview(db: Db): Promise<Overview> {
  const [programmeList, table4, calls, awards] = await Promise.all([
    programmes(db),
    participation(db),
    listCalls(grantsDb(db), { publishedOnly: true }),
    listAwards(db),
  ]);
  return { programmes: programmeList, participation: table4, calls, awards };
}

/** The 360Giving standard's column titles, in its order (awarded grants only). */
export const giving360Columns = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Awarded',
  'Award Date',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Funding Org:Identifier',
  'Funding Org:Name',
  'Grant Programme:Code',
  'Grant Programme:Title',
  'Beneficiary Location:Name',
  'Last Modified',
] as const;

/**
 * The awards as 360Giving rows. Identifiers carry the city's prefix (a setting); an organisation is
 * identified by its registration number where it has one (Korea has no org-id.guide list of them).
 */
export async function giving360Rows(db: Db): Promise<Record<(typeof giving360Columns)[number], unknown>[]> {
  const [rows, settings, programmeList] = await Promise.all([
    awardQuery(db).execute(),
    readSettings(grantsDb(db)),
    programmes(db),
  ]);
  const prefix = settings.identifierPrefix;
  const funderOf = new Map(programmeList.map((programme) => [programme.kind, programme.funder]));
  return rows.map((row) => {
    const award = presentAward(row, prefix);
    return {
      Identifier: award.identifier,
      Title: award.title,
      Description: `${row.title_en} (${row.year}): ${award.title}`,
      Currency: award.currency,
      'Amount Awarded': award.amount,
      // The date of the award where it was made (the city's calendar), not in UTC.
      'Award Date': clock().dateOf(award.awardedAt),
      'Recipient Org:Identifier': `${prefix}-org-${row.registration_number ?? row.organisation_id}`,
      'Recipient Org:Name': award.organisation,
      'Funding Org:Identifier': `${prefix}-funder`,
      'Funding Org:Name': funderOf.get(row.kind) ?? '',
      'Grant Programme:Code': `${prefix}-${row.kind}`,
      'Grant Programme:Title': row.title_en,
      'Beneficiary Location:Name': row.district ?? '',
      'Last Modified': row.updated_at.toISOString(),
    };
  });
}

export async function headlines(db: Db): Promise<Headline[]> {
  const table4 = await participation(db);
  const latest = table4.at(-1);
  const { count } = await grantsDb(db)
    .selectFrom('grants_applications')
    .select(sql<number>`count(*)::bigint`.as('count'))
    .where('status', 'in', awardedStatuses)
    .executeTakeFirstOrThrow();
  const list: Headline[] = [];
  if (latest) {
    list.push({
      id: 'grants-human-rights-neighbourhoods',
      label: { ko: '인권마을 수', en: 'Human Rights Neighbourhoods' },
      value: latest.neighbourhoods,
      asOf: String(latest.year),
      path: overviewPath,
      order: 60,
    });
  }
  list.push({
    id: 'grants-awarded',
    label: { ko: '이 시스템으로 지원한 사업 수', en: 'Grants awarded through this system' },
    value: Number(count),
    unit: { ko: '건', en: 'grants' },
    path: overviewPath,
    order: 61,
  });
  return list;
}

/** Awarded grants whose public title or recipient contains the query. */
export async function publicSearch(db: Db, query: string, limit: number): Promise<PublicSearchHit[]> {
  const rows = await awardQuery(db)
    .where((eb) =>
      eb.or([
        anyContains(eb, ['o.name'], query),
        // Only the title the public sees: the project title when no public title was given.
        sql<SqlBool>`coalesce(nullif(a.public_title, ''), a.title) ilike ${containsPattern(query)}`,
      ]),
    )
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    recordType: 'grant',
    title: { ko: publicTitle(row), en: publicTitle(row) },
    summary: {
      ko: `${row.organisation} · ${row.title_ko} (${row.year})`,
      en: `${row.organisation} · ${row.title_en} (${row.year})`,
    },
    path: `${overviewPath}#grant-${row.id}`,
  }));
}
