import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CsvRecords, CsvSyntaxError } from './csv-records.ts';

/** Every record with its line, the text fed in the pieces given. */
function read(pieces: string[]): [string[], number][] {
  const records: [string[], number][] = [];
  const reader = new CsvRecords((cells, line) => {
    records.push([cells, line]);
    return true;
  });
  for (const piece of pieces) reader.write(piece);
  reader.end();
  return records;
}

/** What csv-parse makes of the same text, with the options the import used before this reader. */
function reference(text: string): [string[], number][] {
  const rows = parse(text, {
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return rows.map(({ record, info }) => [record, info.lines]);
}

/** `text` cut at the given places. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((point) => point % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of points) {
    pieces.push(text.slice(from, point));
    from = point;
  }
  pieces.push(text.slice(from));
  return pieces;
}

// No carriage return inside a cell: csv-parse counts one there as a line of its own.
const cell = fc.oneof(
  fc.constantFrom('', 'female', '2020', '-1.5', ' spaced ', '성별', 'a,b', 'say "hi"', 'two\nlines'),
  fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', '"', '\n', '가') }),
);
const quoteIfNeeded = (value: string) =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

describe('the CSV reader of the import', () => {
  it('reads what csv-parse reads, with the same lines, however the text is cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (rows, newline, bom, cuts) => {
          const lines = rows.map((row) => row.map(quoteIfNeeded).join(','));
          const text = `${bom ? '\uFEFF' : ''}${lines.join(newline)}${newline}`;
          assert.deepEqual(read(cut(text, cuts)), reference(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('skips empty lines but counts them, and reads a last line without a line break', () => {
    assert.deepEqual(read(['Year,Value\n\n2020,1\r\n\r\n2021', ',2']), [
      [['Year', 'Value'], 1],
      [['2020', '1'], 3],
      [['2021', '2'], 5],
    ]);
  });

  it('reads a file whose lines end with a lone carriage return', () => {
    assert.deepEqual(read(['Year,Value\r2020,"1"\r', '2021,2\r']), [
      [['Year', 'Value'], 1],
      [['2020', '1'], 2],
      [['2021', '2'], 3],
    ]);
  });

  it('names the line of a quote in an unquoted cell, of text after a closing quote and of an open quote', () => {
    for (const [text, line] of [
      ['Year,Value\n2020,1\n2021,ab"c\n', 3],
      ['Year,Value\n"2020"x,1\n', 2],
      ['Year,Value\n2020,"1\n2021,2\n', 2],
    ] as const) {
      assert.throws(
        () => read([text]),
        (error: unknown) => error instanceof CsvSyntaxError && error.line === line,
        text,
      );
    }
  });

  it('stops when told to', () => {
    const seen: string[][] = [];
    const reader = new CsvRecords((cells) => {
      seen.push(cells);
      return seen.length < 2;
    });
    reader.write('a\nb\nc\n');
    reader.end();
    assert.equal(reader.stopped, true);
    assert.deepEqual(seen, [['a'], ['b']]);
  });
});
