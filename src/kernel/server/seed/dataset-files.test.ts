import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFlatYaml } from '../vocabularies/un-sdg.ts';
import { DatasetError, integer, number, readCsv, text } from './dataset-files.ts';

const fromText = (content: string) => ({ datasetDir: 'datasets/test', readFile: async () => content });

describe('dataset values are read strictly', () => {
  it('numbers: plain digits and a decimal point only', () => {
    for (const good of ['0', '3', '16.8', '-2', '1480000']) assert.equal(number(good), Number(good));
    for (const bad of ['1,000', ' 3', '3 ', '1e3', '0x10', '03', '', '1.', '.5', '18.5%', '1 000']) {
      assert.throws(() => number(bad), /not a plain number/, bad);
    }
    assert.throws(() => integer('1.5'), /not a whole number/);
    assert.throws(() => text(' padded'), /space/);
  });

  it('names the file, line and column of a bad value, counting lines inside quoted fields', async () => {
    const csv = 'id,value\na,1\n"b\nc",2\nd,"1,000"\n';
    await assert.rejects(
      readCsv(fromText(csv), 'f.csv', { id: text, value: number }),
      (error: Error) =>
        error instanceof DatasetError &&
        /^datasets\/test\/f\.csv, line 5: column "value" \(2\): "1,000"/.test(error.message),
    );
  });

  it('names a repeated key, a short row and an unclosed quote', async () => {
    await assert.rejects(
      readCsv(fromText('id\na\nb\na\n'), 'f.csv', { id: text }, { key: 'id' }),
      /f\.csv, line 4: column "id": "a" repeats line 2/,
    );
    await assert.rejects(readCsv(fromText('id,x\na\n'), 'f.csv', { id: text, x: text }), /f\.csv: .*line 2/);
    await assert.rejects(readCsv(fromText('id\n"a\n'), 'f.csv', { id: text }), /f\.csv: Quote Not Closed/);
  });

  it('the UN lists: plain YAML maps with continuation lines, nothing else', () => {
    const yaml = readFlatYaml('1-short: No poverty\n1-title: End poverty\n  everywhere\n', 'g.yml');
    assert.deepEqual(
      [...yaml],
      [
        ['1-short', 'No poverty'],
        ['1-title', 'End poverty everywhere'],
      ],
    );
    assert.throws(() => readFlatYaml("1-title: 'quoted'\n", 'g.yml'), /g\.yml, line 1: .*not supported/);
    assert.throws(() => readFlatYaml('a: b\n# comment\n', 'g.yml'), /g\.yml, line 2/);
    assert.throws(() => readFlatYaml('a: b\na: c\n', 'g.yml'), /line 2: the key a repeats/);
  });
});
