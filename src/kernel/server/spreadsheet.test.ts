import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from './errors.ts';
import { readWorkbook, writeWorkbook } from './spreadsheet.ts';

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
});
