/**
 * A streaming CSV reader for imports of millions of rows: text goes in chunk by chunk and each record
 * comes out as an array of cells with the line it ends on. A line without a double quote (nearly every
 * line of an Open SDG file) is split on commas; one with a quote goes through the RFC 4180 rules
 * (quoted cells, `""` inside them, line breaks inside them). Empty lines are skipped. Records end at
 * `\n` (a `\r` before it is dropped), or at `\r` when the file's first line ends with a lone `\r`.
 * A quote inside an unquoted cell, text after a closing quote or a quote left open is a syntax error
 * naming the line, as is a record longer than `maxRecordChars` (which also bounds the text held back
 * while a record is incomplete).
 */

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const quote = 34;
const comma = 44;
const cr = 13;
const lf = 10;
const maxRecordChars = 1 << 20;

/** Called for each record; returning false stops the reading. */
export type OnRecord = (cells: string[], line: number) => boolean;

export class CsvRecords {
  readonly #onRecord: OnRecord;
  /** Text held back: the start of a record whose end has not arrived yet. */
  #rest = '';
  /** Lines read up to the end of the last record. */
  #line = 0;
  #started = false;
  #separator = '\n';
  #stopped = false;
  /** Whether the text being read holds a NUL character at all (so that cells need looking at). */
  mayHoldNul = false;

  constructor(onRecord: OnRecord) {
    this.#onRecord = onRecord;
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  write(text: string): void {
    if (!this.#stopped && text !== '') this.#read(this.#rest + text, false);
  }

  end(): void {
    if (!this.#stopped) this.#read(this.#rest, true);
    this.#rest = '';
  }

  #read(text: string, final: boolean): void {
    let pos = 0;
    if (!this.#started) {
      if (text.charCodeAt(0) === 0xfeff) pos = 1;
      const firstBreak = text.search(/[\r\n]/);
      if (firstBreak < 0 && !final) {
        this.#rest = text;
        return;
      }
      this.#started = true;
      if (firstBreak >= 0 && text.charCodeAt(firstBreak) === cr && text.charCodeAt(firstBreak + 1) !== lf) {
        // A lone \r at the very end of this chunk could be the first half of \r\n: wait for more.
        if (firstBreak + 1 === text.length && !final) {
          this.#started = false;
          this.#rest = text;
          return;
        }
        this.#separator = '\r';
      }
    }
    this.mayHoldNul = text.includes('\u0000');
    const separator = this.#separator;
    const stripCr = separator === '\n';
    const length = text.length;
    let nextQuote = text.indexOf('"', pos);
    while (pos < length) {
      let lineEnd = text.indexOf(separator, pos);
      if (lineEnd < 0) {
        if (!final) break;
        lineEnd = length;
      }
      if (nextQuote >= 0 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
      if (nextQuote < 0 || nextQuote > lineEnd) {
        this.#line++;
        let end = lineEnd;
        if (stripCr && end > pos && text.charCodeAt(end - 1) === cr) end--;
        const start = pos;
        pos = lineEnd + 1;
        if (end === start) continue;
        if (!this.#onRecord(text.slice(start, end).split(','), this.#line)) {
          this.#stopped = true;
          return;
        }
        continue;
      }
      const record = this.#quoted(text, pos, final);
      if (record === null) break;
      this.#line += record.lines;
      pos = record.next;
      if (!this.#onRecord(record.cells, this.#line)) {
        this.#stopped = true;
        return;
      }
    }
    if (length - pos > maxRecordChars) {
      throw new CsvSyntaxError(this.#line + 1, `a record is longer than ${maxRecordChars} characters`);
    }
    this.#rest = pos < length ? text.slice(pos) : '';
  }

  /** One record that holds a quote, from `start`; null when its end is not in `text` yet. */
  #quoted(
    text: string,
    start: number,
    final: boolean,
  ): { cells: string[]; next: number; lines: number } | null {
    const separator = this.#separator.charCodeAt(0);
    const length = text.length;
    const cells: string[] = [];
    let lines = 1;
    let at = start;
    for (;;) {
      if (text.charCodeAt(at) === quote) {
        let cell = '';
        let from = at + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0 || (close + 1 === length && !final)) {
            if (!final) return null;
            throw new CsvSyntaxError(this.#line + lines, 'a quoted cell is not closed');
          }
          const part = text.slice(from, close);
          for (
            let index = part.indexOf(this.#separator);
            index >= 0;
            index = part.indexOf(this.#separator, index + 1)
          ) {
            lines++;
          }
          cell += part;
          if (text.charCodeAt(close + 1) === quote) {
            cell += '"';
            from = close + 2;
            continue;
          }
          at = close + 1;
          break;
        }
        cells.push(cell);
        const after = text.charCodeAt(at);
        if (at >= length) return { cells, next: length, lines };
        if (after === comma) {
          at++;
          continue;
        }
        if (after === separator) return { cells, next: at + 1, lines };
        if (after === cr && separator === lf) {
          if (at + 1 >= length && !final) return null;
          if (at + 1 >= length) return { cells, next: length, lines };
          if (text.charCodeAt(at + 1) === lf) return { cells, next: at + 2, lines };
        }
        throw new CsvSyntaxError(
          this.#line + lines,
          `text after the closing quote of cell ${cells.length} instead of a comma or the end of the line`,
        );
      }
      let end = at;
      while (end < length) {
        const code = text.charCodeAt(end);
        if (code === comma || code === separator) break;
        if (code === quote) {
          throw new CsvSyntaxError(
            this.#line + lines,
            `a quote inside cell ${cells.length + 1}, which does not start with one`,
          );
        }
        end++;
      }
      if (end >= length && !final) return null;
      const code = text.charCodeAt(end);
      let cellEnd = end;
      if (code !== comma && separator === lf && cellEnd > at && text.charCodeAt(cellEnd - 1) === cr)
        cellEnd--;
      cells.push(text.slice(at, cellEnd));
      if (code === comma) {
        at = end + 1;
        continue;
      }
      return { cells, next: Math.min(end + 1, length), lines };
    }
  }
}
