/**
 * The annual Human Rights City report as one self-contained HTML file, generated from live data. It
 * loops over the manifests: each module's headline figures open the report, and every open dataset
 * that names a report part (`report: { part, order }`) appears in that part as a chart and the table
 * of the same values; a dataset that regenerates a table of the seed document says which. The layout
 * follows the seed document: preamble, systems and policies, collaboration, SDGs, the UN system.
 */

import { valueAxis } from '../../shared/axis.ts';
import type { Language } from '../../shared/language.ts';
import { currentCity } from '../city/city.ts';
import { clock } from '../city/clock.ts';
import type { Db } from '../db.ts';
import { type OpenDataset, type ReportPart, reportParts, type ServerModule } from '../module.ts';
import { reportStyles } from './styles.ts';
import { partTitles, reportText } from './text.ts';

export interface ReportOptions {
  year: number;
  language: Language;
  /** When the report is generated (shown on it); a test passes a fixed one. */
  now?: Date;
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

function formatValue(value: unknown, language: Language, column = ''): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && isYearColumn(column)) return String(value);
  if (typeof value === 'number') return value.toLocaleString(language === 'ko' ? 'ko-KR' : 'en-GB');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A year reads 2018, not 2,018. */
const isYearColumn = (name: string) => /(^|_)year$/.test(name);

/**
 * Which column names the bars and which gives their length, or undefined when nothing is chartable:
 * unless the dataset says, the first column names them (a year, an area) and the first other numeric
 * column that is not a year measures them.
 */
function chartColumns(dataset: OpenDataset, rows: readonly Record<string, unknown>[]) {
  const placement = dataset.report?.chart;
  if (placement === false || rows.length < 2) return undefined;
  if (placement) return placement;
  const [label, ...others] = dataset.columns.map((column) => column.name);
  const value = others.find(
    (name) =>
      !isYearColumn(name) &&
      rows.some((row) => isNumber(row[name])) &&
      rows.every((row) => row[name] === null || isNumber(row[name])),
  );
  return label && value ? { label, value } : undefined;
}

/** A horizontal bar chart in SVG: named, described, and followed by the table of the same values. */
function barChart(
  id: string,
  title: string,
  rows: readonly Record<string, unknown>[],
  columns: { label: string; value: string },
  valueName: string,
  language: Language,
): string {
  const bars = rows.filter((row) => isNumber(row[columns.value]));
  if (bars.length === 0) return '';
  const rowHeight = 22;
  const labelWidth = 220;
  const plotWidth = 380;
  const height = bars.length * rowHeight + 8;
  // The scale covers the lowest and the highest value and zero: a negative bar grows left of zero.
  const axis = valueAxis(bars.map((row) => row[columns.value] as number));
  const scale = (value: number) => ((value - axis.min) / (axis.max - axis.min)) * plotWidth;
  const zero = scale(0);
  const shapes = bars
    .map((row, index) => {
      const value = row[columns.value] as number;
      const end = scale(value);
      const x = labelWidth + Math.min(zero, end);
      const width = Math.abs(end - zero);
      const y = 4 + index * rowHeight;
      return [
        `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(formatValue(row[columns.label], language, columns.label).slice(0, 28))}</text>`,
        `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${width.toFixed(1)}" height="${rowHeight - 8}"></rect>`,
        `<text x="${(labelWidth + Math.max(zero, end) + 4).toFixed(1)}" y="${y + 15}">${escapeHtml(formatValue(value, language))}</text>`,
      ].join('');
    })
    .join('');
  const name = reportText(language, 'chartOf', { title, value: valueName });
  return `<figure class="chart"><svg role="img" aria-labelledby="${id}-title" viewBox="0 0 ${labelWidth + plotWidth + 80} ${height}" width="100%"><title id="${id}-title">${escapeHtml(name)}</title>${shapes}</svg><figcaption>${escapeHtml(name)}. ${escapeHtml(reportText(language, 'chartNote'))}</figcaption></figure>`;
}

function table(
  caption: string,
  columns: readonly { name: string; header: string }[],
  rows: readonly Record<string, unknown>[],
  language: Language,
): string {
  const head = columns.map((column) => `<th scope="col">${escapeHtml(column.header)}</th>`).join('');
  const body = rows
    .map((row) => {
      const cells = columns.map((column, index) => {
        const value = row[column.name];
        const text = escapeHtml(formatValue(value, language, column.name));
        if (index === 0) return `<th scope="row">${text}</th>`;
        return isNumber(value) ? `<td class="number">${text}</td>` : `<td>${text}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

async function datasetSection(db: Db, dataset: OpenDataset, language: Language): Promise<string> {
  const rows = await dataset.rows(db);
  const title = dataset.title[language];
  const source = dataset.seedTable ?? dataset.source;
  const id = `dataset-${dataset.id}`;
  const parts = [
    `<section id="${id}" class="dataset"><h3>${escapeHtml(title)}</h3>`,
    `<p>${escapeHtml(dataset.description[language])}</p>`,
    source ? `<p class="meta">${escapeHtml(reportText(language, 'source', { source }))}</p>` : '',
  ];
  if (rows.length === 0) {
    parts.push(`<p>${escapeHtml(reportText(language, 'empty'))}</p>`);
  } else {
    const columns = dataset.columns.map((column) => ({
      name: column.name,
      header: column.description[language],
    }));
    const charted = chartColumns(dataset, rows);
    if (charted) {
      const valueName = columns.find((column) => column.name === charted.value)?.header ?? charted.value;
      parts.push(barChart(id, title, rows, charted, valueName, language));
    }
    parts.push(table(title, columns, rows, language));
  }
  parts.push('</section>');
  return parts.join('');
}

export async function buildReport(
  db: Db,
  modules: readonly ServerModule[],
  { year, language, now = new Date() }: ReportOptions,
): Promise<string> {
  const byPart = new Map<ReportPart, OpenDataset[]>(reportParts.map((part) => [part, []]));
  for (const module of modules) {
    for (const dataset of module.openData ?? []) {
      if (dataset.report) byPart.get(dataset.report.part)?.push(dataset);
    }
    for (const dataset of (await module.reportDatasets?.(db, { year, language })) ?? []) {
      if (dataset.report) byPart.get(dataset.report.part)?.push(dataset);
    }
  }
  const headlines = [];
  for (const module of modules) headlines.push(...((await module.headlines?.(db)) ?? []));
  headlines.sort((a, b) => a.order - b.order);

  const title = reportText(language, 'title', { city: currentCity().name[language], year: String(year) });
  const date = new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone: clock().timeZone,
    dateStyle: 'long',
  }).format(now);

  const sections: string[] = [];
  for (const part of reportParts) {
    const datasets = (byPart.get(part) ?? []).sort((a, b) => (a.report?.order ?? 0) - (b.report?.order ?? 0));
    const body: string[] = [];
    if (part === 'preamble' && headlines.length > 0) {
      body.push(
        `<h3>${escapeHtml(reportText(language, 'headlines'))}</h3>`,
        table(
          reportText(language, 'headlineCaption'),
          [
            { name: 'label', header: reportText(language, 'figure') },
            { name: 'value', header: reportText(language, 'value') },
            { name: 'unit', header: reportText(language, 'unit') },
            { name: 'asOf', header: reportText(language, 'asOf') },
          ],
          headlines.map((headline) => ({
            label: headline.label[language],
            value: headline.value,
            unit: headline.unit?.[language] ?? '',
            asOf: headline.asOf ?? '',
          })),
          language,
        ),
      );
    }
    for (const dataset of datasets) body.push(await datasetSection(db, dataset, language));
    if (body.length === 0) continue;
    sections.push(
      `<section id="part-${part}" class="part"><h2>${escapeHtml(partTitles[part][language])}</h2>${body.join('')}</section>`,
    );
  }
  const contents = reportParts
    .filter((part) => sections.some((section) => section.startsWith(`<section id="part-${part}"`)))
    .map((part) => `<li><a href="#part-${part}">${escapeHtml(partTitles[part][language])}</a></li>`)
    .join('');

  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><style>${reportStyles}</style></head>`,
    `<body><header><h1>${escapeHtml(title)}</h1><p class="meta">${escapeHtml(reportText(language, 'generated', { date }))}</p></header>`,
    `<nav aria-labelledby="contents"><h2 id="contents">${escapeHtml(reportText(language, 'contents'))}</h2><ol>${contents}</ol></nav>`,
    `<main>${sections.join('')}</main></body></html>`,
  ].join('\n');
}
