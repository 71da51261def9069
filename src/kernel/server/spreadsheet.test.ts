import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from './errors.ts';
import { buildZip } from './fixtures/zip.ts';
import { readWorkbook, workbookLimits, writeWorkbook } from './spreadsheet.ts';

const tooLarge = (error: unknown) =>
  error instanceof AppError && error.code === 'workbook_too_large' && error.status === 413;

describe('spreadsheet', () => {
  it('writes a workbook that reads back as the same rows, formulas kept as text', () => {
    const data = writeWorkbook([
      {
        name: 'tasks',
        columns: ['code', 'title', 'weight'],
        rows: [
          { code: '=1+1', title: '인권 교육', weight: 3.5 },
          { code: 'T-2', title: null, weight: 2 },
        ],
      },
    ]);
    const sheet = readWorkbook(data);
    assert.equal(sheet.name, 'tasks');
    assert.deepEqual(sheet.header, ['code', 'title', 'weight']);
    assert.deepEqual(sheet.rows, [
      { line: 2, values: { code: '=1+1', title: '인권 교육', weight: '3.5' } },
      { line: 3, values: { code: 'T-2', title: '', weight: '2' } },
    ]);
  });

  it('refuses a file that is not a workbook', () => {
    assert.throws(
      () => readWorkbook(Buffer.from('code,title\nA,B\n')),
      (error) => error instanceof AppError && error.code === 'invalid_workbook' && error.status === 400,
    );
  });

  it('refuses a zip bomb before the spreadsheet library inflates it', () => {
    // 60 MB of zeros deflate to about 60 KB: the shape of the 415 KB file that became 400 MB.
    const zeros = Buffer.alloc(workbookLimits.maxUncompressedBytes + 10 * 1024 * 1024);
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: zeros },
    ]);
    assert.ok(bomb.length < 100_000);
    assert.throws(() => readWorkbook(bomb), tooLarge);
  });

  it('refuses a bomb whose directory lies about its sizes, by inflating under a cap', () => {
    const zeros = Buffer.alloc(workbookLimits.maxUncompressedBytes + 1024);
    const liar = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros, declare: 100 }]);
    assert.throws(() => readWorkbook(liar), tooLarge);
  });

  it('refuses an archive of too many entries', () => {
    const many = buildZip(
      Array.from({ length: workbookLimits.maxEntries + 1 }, (_, index) => ({
        name: `xl/e${index}.xml`,
        data: Buffer.from('x'),
      })),
    );
    assert.throws(() => readWorkbook(many), tooLarge);
  });

  it('refuses an archive whose directory points outside the file', () => {
    const archive = buildZip([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
    archive.writeUInt32LE(archive.length + 100, archive.length - 6);
    assert.throws(
      () => readWorkbook(archive),
      (error) => error instanceof AppError && error.code === 'invalid_workbook',
    );
  });
});
