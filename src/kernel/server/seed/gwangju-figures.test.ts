// The Gwangju dataset (datasets/gwangju/) against its source, the seed document kept beside it in
// datasets/gwangju/source/major-policies-and-systems-of-gwangju.txt. The rule these tests keep: every figure
// the document states is in figures.csv, exactly as given, with its section and an exact quote; no
// figure that the document does not state is there. Discrepancies inside the document are not
// corrected but recorded in the `note` of the figure they affect (see datasets/gwangju/README.md).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';

const datasetUrl = (name: string): URL => new URL(`../../../../datasets/gwangju/${name}`, import.meta.url);
const seedUrl = datasetUrl('source/major-policies-and-systems-of-gwangju.txt');

const seedText = readFileSync(seedUrl, 'utf8');

type Row = Record<string, string>;

function readCsv(name: string): { raw: string; rows: Row[] } {
  const raw = readFileSync(datasetUrl(name), 'utf8');
  const rows: Row[] = parse(raw, { columns: true, skip_empty_lines: true, relax_column_count: false });
  return { raw, rows };
}

/** A column of a parsed row; fails the test instead of returning undefined. */
function field(row: Row, column: string): string {
  const value = row[column];
  assert.ok(value !== undefined, `column ${column} missing in ${JSON.stringify(row)}`);
  return value;
}

interface Figure {
  id: string;
  section: string;
  year: string;
  value: number;
  unit: string;
  labelEn: string;
  labelKo: string;
  quote: string;
  note: string;
}

const figures: Figure[] = readCsv('figures.csv').rows.map((row) => ({
  id: field(row, 'id'),
  section: field(row, 'section'),
  year: field(row, 'year'),
  value: Number(field(row, 'value')),
  unit: field(row, 'unit'),
  labelEn: field(row, 'label_en'),
  labelKo: field(row, 'label_ko'),
  quote: field(row, 'quote'),
  note: field(row, 'note'),
}));

const figuresById = new Map(figures.map((figure) => [figure.id, figure]));

function figure(id: string): Figure {
  const found = figuresById.get(id);
  assert.ok(found, `figure ${id} is missing from figures.csv`);
  return found;
}

function sumOf(ids: readonly string[]): number {
  return ids.reduce((total, id) => total + figure(id).value, 0);
}

/**
 * Either the parts add up to the total, or the total's note records the discrepancy (it names the
 * sum the parts actually give). The seed is never corrected silently.
 */
function assertSumsOrNoted(partIds: readonly string[], totalId: string): void {
  const sum = sumOf(partIds);
  const total = figure(totalId);
  if (sum === total.value) return;
  assert.ok(
    total.note.includes(String(sum)),
    `${partIds.join(' + ')} = ${sum}, but ${totalId} = ${total.value} and its note does not record it`,
  );
}

// The unit vocabulary documented in datasets/gwangju/README.md.
const UNITS = new Set(['persons', 'count', 'percent', 'usd', 'years', 'days', 'ordinal']);

// ---------------------------------------------------------------------------------------------
// How the document writes a number. Kept small and explicit: the forms that occur in the seed.
// ---------------------------------------------------------------------------------------------

const CARDINAL_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const ORDINAL_WORDS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
];

/** The ways the seed may write `value`: 1485000 → 1485000, 1,485,000, 1.485 million; 2 → two, second… */
function writtenForms(value: number): string[] {
  const forms = [String(value), value.toLocaleString('en-US', { maximumFractionDigits: 6 })];
  if (value >= 1_000_000) forms.push(`${value / 1_000_000} million`);
  const cardinal = CARDINAL_WORDS[value];
  if (cardinal) forms.push(cardinal);
  const ordinal = ORDINAL_WORDS[value];
  if (ordinal) forms.push(ordinal);
  if (value === 12) forms.push('dozen');
  if (value === 1) forms.push('once', 'a year');
  return forms;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `quote` shows `value` as a whole number (so 3 is not found in 33/5 or in 1,300, but 5 is
 * found in 33/5, 47 in 47th, 90000 in US$90,000, 2 in two-year, 18.5 in 18.5%).
 */
function quoteShowsValue(quote: string, value: number): boolean {
  return writtenForms(value).some((form) => {
    const pattern = /^\d/.test(form)
      ? new RegExp(`(?<!\\d|\\d[.,])${escapeRegExp(form)}(?!\\d|[.,]\\d)`)
      : new RegExp(`(?<![A-Za-z])${escapeRegExp(form)}(?![A-Za-z])`, 'i');
    return pattern.test(quote);
  });
}

describe('quoteShowsValue (the helper itself)', () => {
  it('accepts the forms the seed uses', () => {
    assert.ok(quoteShowsValue('275,079 out of 1,485,000 or 18.5%', 1485000));
    assert.ok(quoteShowsValue('275,079 out of 1,485,000 or 18.5%', 18.5));
    assert.ok(quoteShowsValue('a population of 1.48 million', 1480000));
    assert.ok(quoteShowsValue('for the last three years: US$90,000', 90000));
    assert.ok(quoteShowsValue('20 members on two-year terms', 2));
    assert.ok(quoteShowsValue('The nine-day struggle', 9));
    assert.ok(quoteShowsValue('the 47th Gwangju Citizens’ Day', 47));
    assert.ok(quoteShowsValue('about a dozen programs each year', 12));
    assert.ok(quoteShowsValue('33/5', 5));
  });
  it('rejects a value that is only part of another number', () => {
    assert.ok(!quoteShowsValue('33/5', 3));
    assert.ok(!quoteShowsValue('1,300*', 300));
    assert.ok(!quoteShowsValue('18.5%', 5));
    assert.ok(!quoteShowsValue('1,485,000', 1485));
    assert.ok(!quoteShowsValue('someone', 1));
  });
});

// ---------------------------------------------------------------------------------------------
// Every figure: well formed, quoted exactly, and showing its value.
// ---------------------------------------------------------------------------------------------

describe('figures.csv rows', () => {
  it('has rows', () => {
    assert.ok(figures.length > 0);
  });

  it('has unique, kebab-case ids', () => {
    const seen = new Set<string>();
    for (const { id } of figures) {
      assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `id ${id}`);
      assert.ok(!seen.has(id), `duplicate id ${id}`);
      seen.add(id);
    }
  });

  it('has a section, a known unit, a numeric value, a year or none, and labels in both languages', () => {
    for (const f of figures) {
      assert.match(f.section, /^(?:Preamble|\d\.\d|Table \d(?: note)?)$/, `${f.id}: section ${f.section}`);
      assert.ok(UNITS.has(f.unit), `${f.id}: unit ${f.unit} is not in the documented set`);
      assert.ok(Number.isFinite(f.value), `${f.id}: value is not a number`);
      assert.ok(f.year === '' || /^(?:19|20)\d\d$/.test(f.year), `${f.id}: year ${f.year}`);
      assert.ok(f.labelEn.trim() !== '', `${f.id}: label_en is empty`);
      assert.match(f.labelKo, /[\uAC00-\uD7A3]/, `${f.id}: label_ko has no Hangul`);
    }
  });

  it('quotes the seed verbatim', () => {
    for (const f of figures) {
      assert.ok(f.quote !== '', `${f.id}: quote is empty`);
      assert.ok(
        seedText.includes(f.quote),
        `${f.id}: quote not found in the seed: ${JSON.stringify(f.quote)}`,
      );
    }
  });

  it('shows its value, as the document writes it, inside its quote', () => {
    for (const f of figures) {
      assert.ok(
        quoteShowsValue(f.quote, f.value),
        `${f.id}: ${f.value} does not appear in ${JSON.stringify(f.quote)}`,
      );
    }
  });

  it('marks approximate figures as approximate', () => {
    for (const f of figures) {
      if (/\b(?:about|more than|over)\b/i.test(f.quote)) {
        assert.match(f.note, /^approximate: /, `${f.id}: "${f.quote}" is approximate`);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Completeness: every number in the seed is some figure's, unless it is one of the contexts below.
// ---------------------------------------------------------------------------------------------

/** A span [start, end) of the seed. */
type Span = readonly [number, number];

function spansOf(pattern: RegExp, text: string, offset = 0): Span[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const global = new RegExp(pattern.source, flags);
  return [...text.matchAll(global)].map((match) => [
    offset + match.index,
    offset + match.index + match[0].length,
  ]);
}

/** The part of the seed between two markers (the table blocks). */
function block(startMarker: string, endMarker: string): { text: string; offset: number } {
  const start = seedText.indexOf(startMarker);
  const end = seedText.indexOf(endMarker, start + startMarker.length);
  assert.ok(start >= 0 && end > start, `seed block ${startMarker} … ${endMarker} not found`);
  return { text: seedText.slice(start, end), offset: start };
}

interface Exclusion {
  why: string;
  pattern: RegExp;
  /** Only inside this block of the seed (start and end markers). */
  within?: readonly [string, string];
}

// Numbers in the seed that are not figures. Each entry says why; a number is excluded only when a
// match covers the whole number, so a figure next to an excluded context is still checked.
const NOT_FIGURES: readonly Exclusion[] = [
  {
    why: 'calendar years (1894 … 2030), alone, in periods like 2012 - 2016 or (1997~2001), or in names like SDG 2030',
    pattern: /(?<![\d,.])(?:18|19|20)\d\d(?!\d)/,
  },
  {
    why: "day of a date, including dates used as names: May 21, Oct. 18~21, 'May 18th', 'April 19th', 'Promotion of May 18'",
    pattern:
      /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Oct\.) \d{1,2}(?:st|nd|rd|th)?(?:~\d{1,2})?(?!\d)/,
  },
  { why: "section headings: '0. Preamble', '1.1. …', '4.3 Proposal …'", pattern: /^\d\.(?:\d\.?)?(?=\s)/m },
  { why: "references to tables: 'Table 3', 'Tables 1 & 2'", pattern: /\bTables? \d+(?: & \d+)?/ },
  { why: 'the UN document symbol A/HRC/27/59', pattern: /A\/HRC\/\d+\/\d+/ },
  { why: 'General Assembly Resolution 66/137', pattern: /Resolution \d+\/\d+/ },
  {
    why: "names: UN 'Agenda 21', the 'Green Gwangju 21' Committee",
    pattern: /\b(?:Agenda|Green Gwangju) 21\b/,
  },
  {
    why: "Table 1's area numbering ('1. Participation &' … '5. Culture and')",
    pattern: /^\t\d\. /m,
    within: ['Table 1:', 'Table 2:'],
  },
  {
    why: "Table 7's agenda numbers (1–17) and UN SDG goal codes ('6 Clean Water and Sanitation'): labels, not quantities",
    pattern: /^\t?\s*\d{1,2} (?=[A-Z])/m,
    within: ['Table 7:', 'After the adoption of the UN SDGs'],
  },
];

// Number words in the seed that are not figures.
const NOT_FIGURE_WORDS: readonly Exclusion[] = [
  {
    why: "'first' is used only as a claim of precedence ('the first Human Rights Office of Korea') or to name a first edition",
    pattern: /\bfirst\b/i,
  },
  { why: "vague quantity, no number: 'thousands of victims'", pattern: /\bthousands of victims\b/ },
  { why: 'refers back to the Second Basic Plan, already recorded', pattern: /\bThe second basic plan was\b/ },
  {
    why: "idioms: 'One of the examples', 'one of the longest', 'One of the ways'",
    pattern: /\bone of the\b/i,
  },
  {
    why: "rhetorical: the Agenda 2030 integrates agendas 'into one systematical task'",
    pattern: /\binto one systematical task\b/,
  },
  { why: "name of a UN framework: 'The Ten-Year Framework of Programs'", pattern: /\bTen-Year Framework\b/ },
];

function excludedSpans(exclusions: readonly Exclusion[]): Span[] {
  return exclusions.flatMap(({ pattern, within }) => {
    if (!within) return spansOf(pattern, seedText);
    const { text, offset } = block(within[0], within[1]);
    return spansOf(pattern, text, offset);
  });
}

/** Where the seed's numbered sections start: '0. Preamble', '1.1. …', '4.3 Proposal …'. */
const sectionStarts: { section: string; index: number }[] = [...seedText.matchAll(/^(\d\.\d?)\.? /gm)].map(
  (match) => ({ section: match[1] === '0.' ? 'Preamble' : (match[1] ?? ''), index: match.index }),
);

// The extent of each table: from its title to the first text after it.
const TABLE_BLOCKS: Record<string, readonly [string, string]> = {
  'Table 1': ['Table 1:', 'Table 2:'],
  'Table 3': ['Table 3:', '2.5. '],
  'Table 4': ['Table 4:', '2.7. '],
  'Table 5': ['Table 5:', '\n*47 cities'],
  'Table 5 note': ['\n*47 cities', 'III. '],
  'Table 6': ['Table 6:', 'Table 7:'],
  'Table 7': ['Table 7:', 'After the adoption of the UN SDGs'],
};

/** The span of the seed that a figure's `section` names (a numbered section runs to the next one). */
function sectionSpan(section: string): Span {
  const table = TABLE_BLOCKS[section];
  if (table) {
    const { text, offset } = block(table[0], table[1]);
    return [offset, offset + text.length];
  }
  const at = sectionStarts.findIndex((start) => start.section === section);
  assert.ok(at >= 0, `section ${section} is not a section of the seed`);
  return [sectionStarts[at]?.index ?? 0, sectionStarts[at + 1]?.index ?? seedText.length];
}

const covers = (spans: readonly Span[], [start, end]: Span): boolean =>
  spans.some(([from, to]) => from <= start && end <= to);

/**
 * The places in the seed that each figure accounts for: every occurrence of its quote (the seed
 * repeats some facts, e.g. '5th Agenda' in 3.1, Table 7 and 4.2), except that a table cell's quote
 * ('3', '1,000') counts only inside its own table.
 */
const accounted: { span: Span; value: number }[] = figures.flatMap((f) => {
  const occurrences = spansOf(new RegExp(escapeRegExp(f.quote)), seedText);
  const table = TABLE_BLOCKS[f.section] ? sectionSpan(f.section) : undefined;
  return occurrences
    .filter((span) => !table || covers([table], span))
    .map((span) => ({ span, value: f.value }));
});

const sameNumber = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/**
 * The tokens of the seed that no figure accounts for. A token is accounted for when a figure's quote
 * covers it and that figure's value is the token's value (so '44' in '57 cities from 44 countries'
 * needs the countries figure, not only the cities one).
 */
function unaccountedTokens(
  tokenPattern: RegExp,
  exclusions: readonly Exclusion[],
  tokenValue: (token: string, index: number) => number,
): string[] {
  const excluded = excludedSpans(exclusions);
  const missing: string[] = [];
  for (const match of seedText.matchAll(tokenPattern)) {
    const span: Span = [match.index, match.index + match[0].length];
    if (covers(excluded, span)) continue;
    const value = tokenValue(match[0], match.index);
    if (accounted.some((a) => covers([a.span], span) && sameNumber(a.value, value))) continue;
    const line = seedText.slice(0, match.index).split('\n').length;
    const context = seedText.slice(Math.max(0, span[0] - 30), span[1] + 30).replace(/\s+/g, ' ');
    missing.push(`line ${line}: ${match[0]} (${value}) in "…${context}…"`);
  }
  return missing;
}

/** A digit token's value: '1,485,000' → 1485000, '1.48' followed by ' million' → 1480000. */
function digitTokenValue(token: string, index: number): number {
  const value = Number(token.replace(/,/g, ''));
  return seedText.startsWith(' million', index + token.length) ? value * 1_000_000 : value;
}

// Number words and their values. A vague word (NaN) is never a figure's value: it must be excluded.
const WORD_VALUES: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozen: 12,
  once: 1,
  twice: 2,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  hundreds: Number.NaN,
  thousands: Number.NaN,
};

const wordTokenValue = (token: string): number => WORD_VALUES[token.toLowerCase()] ?? Number.NaN;

describe('completeness against the seed', () => {
  it('every number in the seed is a figure quoted at that place, or in a documented non-figure context', () => {
    const numberToken = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
    const missing = unaccountedTokens(numberToken, NOT_FIGURES, digitTokenValue);
    assert.deepEqual(missing, [], `numbers in the seed that no figure accounts for:\n${missing.join('\n')}`);
  });

  it('every number word in the seed is a figure quoted at that place, or in a documented non-figure context', () => {
    const numberWord = new RegExp(`\\b(?:${Object.keys(WORD_VALUES).join('|')})\\b`, 'gi');
    const missing = unaccountedTokens(numberWord, NOT_FIGURE_WORDS, wordTokenValue);
    assert.deepEqual(
      missing,
      [],
      `number words in the seed that no figure accounts for:\n${missing.join('\n')}`,
    );
  });

  it('every quote occurs inside the section the figure names', () => {
    for (const f of figures) {
      const section = sectionSpan(f.section);
      const occurrences = spansOf(new RegExp(escapeRegExp(f.quote)), seedText);
      assert.ok(
        occurrences.some((span) => covers([section], span)),
        `${f.id}: quote not found in section ${f.section}`,
      );
    }
  });

  it('the exclusions are not vacuous: each one matches something in the seed', () => {
    for (const exclusion of [...NOT_FIGURES, ...NOT_FIGURE_WORDS]) {
      assert.ok(excludedSpans([exclusion]).length > 0, `exclusion never matches: ${exclusion.why}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Tables: the recorded cells are the seed's cells, in the seed's order.
// ---------------------------------------------------------------------------------------------

/** The cells of a table block that are a number alone on their line (e.g. "\t1,300*", "\t3 "). */
function numberCells(startMarker: string, endMarker: string): number[] {
  const { text } = block(startMarker, endMarker);
  return [...text.matchAll(/^\s*(\d[\d,]*)\*?\s*$/gm)].map((match) =>
    Number((match[1] ?? '').replace(/,/g, '')),
  );
}

const valuesOf = (ids: readonly string[]): number[] => ids.map((id) => figure(id).value);

const TABLE3_IDS = [
  'table3-public-officials',
  'table3-children-youth',
  'table3-ordinary-citizens',
  'table3-vulnerable-groups',
  'table3-instructor-training',
  'table3-social-welfare-workers',
] as const;

const TABLE7_AGENDAS = Array.from({ length: 17 }, (_, i) => String(i + 1).padStart(2, '0'));

describe('tables match the seed cell by cell', () => {
  it('Table 1', () => {
    const ids = [
      'table1-participation-communication-indicators',
      'table1-happy-life-indicators',
      'table1-inclusive-city-indicators',
      'table1-comfort-safety-indicators',
      'table1-culture-creativity-indicators',
    ];
    assert.deepEqual(valuesOf(ids), numberCells('Table 1:', 'Table 2:'));
  });

  it('Table 3', () => {
    assert.deepEqual(valuesOf(TABLE3_IDS), numberCells('Table 3:', '2.5. '));
  });

  it('Table 4', () => {
    const cells = numberCells('Table 4:', '2.7. ');
    const recorded = [2013, 2014, 2015, 2016, 2017, 2018].flatMap((year) => [
      year,
      figure(`table4-${year}-neighbourhoods`).value,
      figure(`table4-${year}-support`).value,
    ]);
    assert.deepEqual(recorded, cells);
  });

  it('Table 5', () => {
    const cells = numberCells('Table 5:', '\n*47 cities');
    const recorded = [2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018].flatMap((year) => [
      year,
      ...valuesOf([
        `table5-${year}-participants`,
        `table5-${year}-speakers`,
        `table5-${year}-speakers-korean`,
        `table5-${year}-speakers-international`,
      ]),
    ]);
    assert.deepEqual(recorded, cells);
  });

  it('Table 7', () => {
    const cells = numberCells('Table 7:', 'After the adoption of the UN SDGs');
    const recorded = TABLE7_AGENDAS.flatMap((n) =>
      valuesOf([`table7-agenda-${n}-tasks`, `table7-agenda-${n}-indicators`]),
    );
    assert.deepEqual(recorded, cells);
  });

  it('rows taken from a table carry that table’s year', () => {
    for (const f of figures) {
      const match = /^table[45]-(\d{4})-/.exec(f.id);
      if (match) assert.equal(f.year, match[1], f.id);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Sums and known discrepancies.
// ---------------------------------------------------------------------------------------------

describe('sums and discrepancies', () => {
  it('1.2: the three divisions add up to the bureau’s 45 officials', () => {
    assert.equal(figure('bureau-officials').value, 45);
    assertSumsOrNoted(
      [
        'bureau-division-democracy-human-rights-officials',
        'bureau-division-may18-promotion-officials',
        'bureau-division-inter-korean-exchange-cooperation-officials',
      ],
      'bureau-officials',
    );
  });

  it('1.5: pursued and accomplished indicators add up to 100', () => {
    assertSumsOrNoted(
      ['human-rights-indicators-pursued', 'human-rights-indicators-accomplished'],
      'human-rights-indicators',
    );
  });

  it('Table 1: its area counts (a selection) sum to 50, not 100, and each row says so', () => {
    const ids = figures.filter((f) => f.section === 'Table 1').map((f) => f.id);
    const sum = sumOf(ids);
    if (sum !== figure('human-rights-indicators').value) {
      for (const id of ids)
        assert.ok(figure(id).note.includes(String(sum)), `${id}: note should record the sum ${sum}`);
    }
  });

  it('2.4 / Table 3: the six groups sum to the 2017 total 275,079', () => {
    assert.equal(figure('hr-education-participants-2017').value, 275079);
    assertSumsOrNoted(TABLE3_IDS, 'hr-education-participants-2017');
  });

  it('2.4: 275,079 of 1,485,000 is 18.5%', () => {
    const rate = (figure('hr-education-participants-2017').value / figure('population-2017').value) * 100;
    assert.equal(Math.round(rate * 10) / 10, figure('hr-education-participation-rate-2017').value);
  });

  it('2.6 / Table 4: the 2013 figure is the table’s 3, with a note on the text’s 5', () => {
    const table = figure('table4-2013-neighbourhoods');
    assert.equal(table.value, 3);
    assert.match(table.note, /\b5\b/);
    const text = figure('neighbourhoods-2013-text');
    assert.equal(text.value, 5);
    assert.match(text.note, /contradicts Table 4/);
    assert.equal(figure('neighbourhoods-2018-text').value, figure('table4-2018-neighbourhoods').value);
  });

  it('2.7: the 2018 organisations by kind (7 + 10 + 22 = 39) against the stated 38 are noted', () => {
    assertSumsOrNoted(
      [
        'whrcf-2018-organisations-international',
        'whrcf-2018-organisations-national',
        'whrcf-2018-organisations-local',
      ],
      'whrcf-2018-organisations',
    );
  });

  it('Table 5: Korean and international speakers add up to the speakers each year; 2017 and 2018 carry the asterisk note', () => {
    for (const year of [2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018]) {
      assertSumsOrNoted(
        [`table5-${year}-speakers-korean`, `table5-${year}-speakers-international`],
        `table5-${year}-speakers`,
      );
    }
    assert.match(figure('table5-2017-participants').note, /asterisk.*47 cities from 31 countries/);
    assert.match(figure('table5-2018-participants').note, /asterisk.*57 cities from 44 countries/);
  });

  it('Table 6: each phase’s area counts add up to its agendas, and their number to its areas', () => {
    for (const phase of [1, 2, 3, 4]) {
      const areaIds = figures.filter((f) => f.id.startsWith(`table6-agenda-${phase}-area-`)).map((f) => f.id);
      assertSumsOrNoted(areaIds, `table6-agenda-${phase}-agendas`);
      const areas = figure(`table6-agenda-${phase}-areas`);
      if (areaIds.length !== areas.value) {
        assert.ok(areas.note.includes(String(areaIds.length)), `phase ${phase}: areas discrepancy not noted`);
      }
    }
  });

  it('Table 7: the 17 agendas have 63 tasks and 58 indicators', () => {
    assert.equal(sumOf(TABLE7_AGENDAS.map((n) => `table7-agenda-${n}-tasks`)), 63);
    assert.equal(sumOf(TABLE7_AGENDAS.map((n) => `table7-agenda-${n}-indicators`)), 58);
  });
});

// ---------------------------------------------------------------------------------------------
// The other files.
// ---------------------------------------------------------------------------------------------

describe('the other dataset files', () => {
  const files = ['figures.csv', 'departments.csv', 'districts.csv', 'target-groups.csv', 'sdg-goals-ko.csv'];

  it('are UTF-8 without a byte-order mark, with LF line ends', () => {
    for (const name of files) {
      const { raw } = readCsv(name);
      assert.ok(!raw.startsWith('\uFEFF'), `${name} starts with a BOM`);
      assert.ok(!raw.includes('\r'), `${name} has CR characters`);
      assert.ok(raw.endsWith('\n'), `${name} does not end with a newline`);
    }
  });

  it('departments: the divisions’ headcounts add up to the bureau’s 45, parents exist', () => {
    const { rows } = readCsv('departments.csv');
    const codes = new Set(rows.map((row) => field(row, 'code')));
    for (const row of rows) {
      const parent = field(row, 'parent_code');
      assert.ok(parent === '' || codes.has(parent), `unknown parent ${parent}`);
      assert.match(field(row, 'name_ko'), /[\uAC00-\uD7A3]/);
    }
    const bureau = rows.find((row) => field(row, 'code') === 'DHRP');
    assert.ok(bureau);
    assert.equal(Number(field(bureau, 'headcount')), figure('bureau-officials').value);
    const divisions = rows.filter((row) => field(row, 'parent_code') === 'DHRP');
    assert.equal(divisions.length, figure('bureau-divisions').value);
    const headcounts = divisions.reduce((total, row) => total + Number(field(row, 'headcount')), 0);
    assert.equal(headcounts, Number(field(bureau, 'headcount')));
  });

  it('districts: the five autonomous districts', () => {
    const { rows } = readCsv('districts.csv');
    assert.deepEqual(
      rows.map((row) => field(row, 'code')),
      ['dong-gu', 'seo-gu', 'nam-gu', 'buk-gu', 'gwangsan-gu'],
    );
  });

  it('target groups: unique codes, names in both languages', () => {
    const { rows } = readCsv('target-groups.csv');
    const codes = rows.map((row) => field(row, 'code'));
    assert.equal(new Set(codes).size, codes.length);
    for (const row of rows) {
      assert.match(field(row, 'name_ko'), /[\uAC00-\uD7A3]/);
      assert.ok(field(row, 'name_en') !== '');
    }
  });

  it('SDG goals: 1 to 17, each with a Korean short name and title', () => {
    const { rows } = readCsv('sdg-goals-ko.csv');
    assert.deepEqual(
      rows.map((row) => Number(field(row, 'goal'))),
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    for (const row of rows) {
      assert.match(field(row, 'short_ko'), /[\uAC00-\uD7A3]/);
      assert.match(field(row, 'title_ko'), /[\uAC00-\uD7A3]/);
    }
  });
});
