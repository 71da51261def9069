/**
 * One indicator's current observations for download, streamed a page at a time (keyset on year and
 * breakdown), so a million rows never sit in memory: as an Open SDG CSV file (`Year`, the indicator's
 * disaggregation columns with a blank for a total, `Units`, `Series`, `GeoCode` when any row has one,
 * then `Value` exactly as stored; UTF-8 with a byte-order mark like every CSV download), or as JSON.
 * Only published years are exported (a year whose cycle is open stays internal), and a value
 * corrected after its year closed carries its note (date, old value, reason, in Korean and English):
 * in Open SDG's footnote column `COMMENT_OBS`, present when the indicator has a correction, and as
 * `correction` in JSON.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../kernel/server/db.ts';
import { loadIndicator, publishedYear, type StoredIndicator } from '../queries.ts';
import { indicatorsDb } from '../tables.ts';
import { openSdgSpecial } from './import-observations.ts';
import { correctionNotes } from './publication.ts';

const pageSize = 10000;
// A text cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection);
// years and values are numbers written by us and stay exactly as stored.
const formulaStart = /^[=+\-@\t\r]/;

function textCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function openExport(db: Db, indicatorCode: string) {
  const ind = indicatorsDb(db);
  const indicator: StoredIndicator = await loadIndicator(ind, indicatorCode);
  const present = await ind
    .selectFrom('indicators_breakdowns')
    .select([
      sql<boolean>`coalesce(bool_or(unit is not null), false)`.as('units'),
      sql<boolean>`coalesce(bool_or(series is not null), false)`.as('series'),
      sql<boolean>`coalesce(bool_or(geo_code is not null), false)`.as('geo'),
    ])
    .where('indicator_id', '=', indicator.id)
    .executeTakeFirstOrThrow();
  async function* pages() {
    let after: { year: number; breakdown: number } | null = null;
    for (;;) {
      let query = ind
        .selectFrom('indicators_observations as o')
        .innerJoin('indicators_breakdowns as b', 'b.id', 'o.breakdown_id')
        .select(['o.year', 'o.breakdown_id', 'o.version', 'b.series', 'b.unit', 'b.geo_code', 'b.dimensions'])
        .select(sql<string>`o.value::text`.as('value'))
        .where('o.indicator_id', '=', indicator.id)
        .where('o.superseded_at', 'is', null)
        .where(publishedYear());
      if (after) {
        const { year, breakdown } = after;
        query = query.where(sql<boolean>`(o.year, o.breakdown_id) > (${year}, ${breakdown})`);
      }
      const rows = await query.orderBy('o.year').orderBy('o.breakdown_id').limit(pageSize).execute();
      if (rows.length > 0) yield rows;
      const last = rows[rows.length - 1];
      if (!last || rows.length < pageSize) return;
      after = { year: last.year, breakdown: last.breakdown_id };
    }
  }
  const notes = await correctionNotes(ind, indicator.id);
  const noteOf = (row: { breakdown_id: number; year: number }) =>
    notes.get(`${row.breakdown_id}:${row.year}`);
  return { indicator, present, pages, notes, noteOf };
}

/** Opens the export (a missing indicator fails here, before any byte is sent), then streams it. */
export async function exportOpenSdgCsv(db: Db, indicatorCode: string): Promise<AsyncGenerator<string>> {
  const { indicator, present, pages, notes, noteOf } = await openExport(db, indicatorCode);
  const columns = indicator.disaggregations;
  const commented = notes.size > 0;
  const header = [
    openSdgSpecial.year,
    ...columns,
    ...(present.units ? [openSdgSpecial.units] : []),
    ...(present.series ? [openSdgSpecial.series] : []),
    ...(present.geo ? [openSdgSpecial.geoCode] : []),
    openSdgSpecial.value,
    ...(commented ? [openSdgSpecial.comment] : []),
  ];
  return (async function* () {
    yield `\uFEFF${header.map(textCell).join(',')}\r\n`;
    for await (const rows of pages()) {
      let chunk = '';
      for (const row of rows) {
        const cells = [
          String(row.year),
          ...columns.map((column) => textCell(row.dimensions[column])),
          ...(present.units ? [textCell(row.unit)] : []),
          ...(present.series ? [textCell(row.series)] : []),
          ...(present.geo ? [textCell(row.geo_code)] : []),
          row.value,
        ];
        if (commented) {
          const note = noteOf(row);
          cells.push(textCell(note ? `${note.ko} / ${note.en}` : null));
        }
        chunk += `${cells.join(',')}\r\n`;
      }
      yield chunk;
    }
  })();
}

/** The same observations as a JSON document: `{ "indicator": code, "observations": [...] }`. */
export async function exportObservationsJson(db: Db, indicatorCode: string): Promise<AsyncGenerator<string>> {
  const { indicator, pages, noteOf } = await openExport(db, indicatorCode);
  return (async function* () {
    yield `{"indicator":${JSON.stringify(indicator.code)},"observations":[`;
    let first = true;
    for await (const rows of pages()) {
      const items = rows.map((row) =>
        JSON.stringify({
          year: row.year,
          series: row.series,
          unit: row.unit,
          geoCode: row.geo_code,
          dimensions: row.dimensions,
          value: row.value,
          version: row.version,
          ...(noteOf(row) ? { correction: noteOf(row) } : {}),
        }),
      );
      yield (first ? '' : ',') + items.join(',');
      first = false;
    }
    yield ']}';
  })();
}
