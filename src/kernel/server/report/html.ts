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
import {
  type OpenDataset,
  type ReportChart,
  type ReportPart,
  reportParts,
  type ServerModule,
} from '../module.ts';
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

/** The bars' names and lengths as the dataset declares them, in the report's language. */
function chartBars(chart: ReportChart, rows: readonly Record<string, unknown>[], language: Language) {
  const labelColumns = chart.label.map((column) => (typeof column === 'string' ? column : column[language]));
  return rows
    .filter((row) => isNumber(row[chart.value]))
    .map((row) => ({
      label: labelColumns
        .map((column) => formatValue(row[column], language, column))
        .filter((part) => part !== '')
        .join(' · '),
      value: row[chart.value] as number,
    }));
}

/** The width of a text in half-width characters: a Hangul or other wide character counts two. */
const textWidth = (text: string) =>
  [...text].reduce(
    (sum, character) => sum + (/[\u1100-\u11ff\u3000-\ud7af\uff00-\uffef]/.test(character) ? 2 : 1),
    0,
  );

/**
 * A bar's label in lines that fit beside the bars, broken between words where it can be: a label is
 * never cut, so two long names cannot read the same.
 */
export function labelLines(label: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/(?<=\s)/)) {
    if (line !== '' && textWidth(line + word.trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    // A word wider than a line (a long Korean name without spaces) is broken by characters.
    for (const character of word) {
      if (line !== '' && textWidth(line + character) > width && character.trim() !== '') {
        lines.push(line.trimEnd());
        line = '';
      }
      line += character;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** A horizontal bar chart in SVG: named, described, and followed by the table of the same values. */
function barChart(
  id: string,
  title: string,
  bars: readonly { label: string; value: number }[],
  valueName: string,
  language: Language,
): string {
  if (bars.length === 0) return '';
  const lineHeight = 14;
  const labelWidth = 220;
  const plotWidth = 380;
  const labels = bars.map((bar) => labelLines(bar.label, 34));
  const heights = labels.map((lines) => Math.max(22, lines.length * lineHeight + 8));
  const height = heights.reduce((sum, rowHeight) => sum + rowHeight, 0) + 8;
  // The scale covers the lowest and the highest value and zero: a negative bar grows left of zero.
  const axis = valueAxis(bars.map((bar) => bar.value));
  const scale = (value: number) => ((value - axis.min) / (axis.max - axis.min)) * plotWidth;
  const zero = scale(0);
  let y = 4;
  const shapes = bars
    .map((bar, index) => {
      const rowHeight = heights[index] ?? 22;
      const lines = labels[index] ?? [];
      const end = scale(bar.value);
      const x = labelWidth + Math.min(zero, end);
      const width = Math.abs(end - zero);
      const middle = y + rowHeight / 2;
      const firstLine = middle - ((lines.length - 1) * lineHeight) / 2 + 4;
      const label = lines
        .map(
          (line, at) =>
            `<tspan x="${labelWidth - 6}" y="${(firstLine + at * lineHeight).toFixed(1)}">${escapeHtml(line)}</tspan>`,
        )
        .join('');
      const shape = [
        `<text text-anchor="end">${label}</text>`,
        `<rect x="${x.toFixed(1)}" y="${(middle - 7).toFixed(1)}" width="${width.toFixed(1)}" height="14"></rect>`,
        `<text x="${(labelWidth + Math.max(zero, end) + 4).toFixed(1)}" y="${(middle + 4).toFixed(1)}">${escapeHtml(formatValue(bar.value, language))}</text>`,
      ].join('');
      y += rowHeight;
      return shape;
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
    // A column written in the other language stays in the open data, out of this language's report.
    const columns = dataset.columns
      .filter((column) => column.language === undefined || column.language === language)
      .map((column) => ({ name: column.name, header: column.description[language] }));
    const chart = dataset.report?.chart;
    if (chart && rows.length > 1) {
      const valueName =
        dataset.columns.find((column) => column.name === chart.value)?.description[language] ?? chart.value;
      parts.push(barChart(id, title, chartBars(chart, rows, language), valueName, language));
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
