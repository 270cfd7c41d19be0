import { describe, expect, it } from 'vitest';
import { getCriterionSet } from '../../src/index.js';
import { columnLetters, columnOfPath, indicatorCell, readHeader, rowToInput } from '../../src/cli/rows.js';
import { detectDelimiter } from '../../src/cli/inputs.js';
import { locateJsonPath } from '../../src/cli/json-locate.js';
import { SET } from './helpers.js';

const set = getCriterionSet(SET);

describe('readHeader', () => {
  it('recognises fields (English or Vietnamese, any case and accents), codes, labelled codes, criteria and notes', () => {
    const { columns, problems } = readHeader(['STT', 'Mã xã', 'NĂM', 'Tên xã', '15.3', '17.10 An toàn thực phẩm', 'TC10', 'Tiêu chí 2', '15.3 ghi chú', 'population'], set);
    expect(problems).toEqual([]);
    expect(columns.map((c) => c.role)).toEqual([
      { kind: 'ignored' },
      { kind: 'field', field: 'communeId' },
      { kind: 'field', field: 'year' },
      { kind: 'field', field: 'name' },
      { kind: 'indicator', code: '15.3' },
      { kind: 'indicator', code: '17.10' },
      { kind: 'criterion', number: '10' },
      { kind: 'criterion', number: '2' },
      { kind: 'note', code: '15.3' },
      { kind: 'field', field: 'population' },
    ]);
  });

  it('names each bad column by position: unknown code, unknown criterion, unknown word, repeat, missing required', () => {
    const { problems } = readHeader(['name', '99.1', 'TC42', 'foo', '15.3', '15.3'], set);
    expect(problems).toEqual([
      { column: 2, message: expect.stringContaining('"99.1" is not in') },
      { column: 3, message: expect.stringContaining('criterion "42" is not in') },
      { column: 4, warning: true, message: expect.stringContaining('unknown column "foo"') },
      { column: 6, message: expect.stringContaining('repeats column 5') },
      { column: 0, message: expect.stringContaining('no communeId column') },
      { column: 0, message: expect.stringContaining('no year column') },
    ]);
  });

  it('does not require a year column when a default year is given', () => {
    expect(readHeader(['communeId', '15.3'], set, { defaultYear: 2023 }).problems).toEqual([]);
  });
});

describe('indicatorCell', () => {
  it('reads values, verdicts, "value (verdict)", TRUE/FALSE and empty cells', () => {
    expect(indicatorCell('24,9')).toBe('24,9');
    expect(indicatorCell(' Không đạt ')).toBe('Không đạt');
    expect(indicatorCell('91,2 (Đạt)')).toEqual({ value: '91,2', verdict: 'Đạt' });
    expect(indicatorCell('91.2(chưa đạt)')).toEqual({ value: '91.2', verdict: 'chưa đạt' });
    expect(indicatorCell('TRUE')).toBe(true);
    expect(indicatorCell('false')).toBe(false);
    expect(indicatorCell(12)).toBe(12);
    expect(indicatorCell('   ')).toBeUndefined();
    expect(indicatorCell(null)).toBeUndefined();
    // Brackets that hold no verdict stay part of the value, for the library to reject with the cell named.
    expect(indicatorCell('12 (approx)')).toBe('12 (approx)');
  });
});

describe('rowToInput', () => {
  it('builds the commune input the JSON file would hold', () => {
    const { columns } = readHeader(['communeId', 'name', 'year', 'population', 'classes', '15.3', '15.3 note', '17.10', 'TC10'], set);
    expect(rowToInput(columns, ['dak-mol', 'Đắk Môl', '2023', '9200', 'a; b', '27 (Đạt)', 'survey 2022', '', 'Chưa đạt'])).toEqual({
      communeId: 'dak-mol',
      name: 'Đắk Môl',
      year: 2023,
      population: 9200,
      classes: ['a', 'b'],
      indicators: { '15.3': { value: '27', verdict: 'Đạt', note: 'survey 2022' } },
      criteria: { '10': 'Chưa đạt' },
    });
  });

  it('leaves a year that is not a whole number as text, so validation names it', () => {
    const { columns } = readHeader(['communeId', 'year'], set);
    expect(rowToInput(columns, ['x', '20x3']).year).toBe('20x3');
    expect(rowToInput(readHeader(['communeId'], set, { defaultYear: 2023 }).columns, ['x'], { defaultYear: 2023 }).year).toBe(2023);
  });

  it('maps an error path back to its column', () => {
    const { columns } = readHeader(['communeId', 'year', '15.3', '15.3 ghi chú', 'TC10'], set);
    expect(columnOfPath(columns, ['indicators', '15.3', 'value'])?.index).toBe(3);
    expect(columnOfPath(columns, ['indicators', '15.3', 'note'])?.index).toBe(4);
    expect(columnOfPath(columns, ['criteria', '10'])?.index).toBe(5);
    expect(columnOfPath(columns, ['year'])?.index).toBe(2);
    expect(columnOfPath(columns, ['indicators', '9.1'])).toBeNull();
  });
});

describe('small helpers', () => {
  it('names spreadsheet columns', () => {
    expect([1, 26, 27, 28, 52, 53, 702, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('detects the CSV delimiter from the header line', () => {
    expect(detectDelimiter('communeId;year;15.3')).toBe(';');
    expect(detectDelimiter('communeId\tyear\t15.3')).toBe('\t');
    expect(detectDelimiter('communeId,year,15.3')).toBe(',');
    expect(detectDelimiter('communeId')).toBe(',');
  });

  it('locates a JSON path in a text as line and column', () => {
    const text = '{\n  "a": [1, {"b": "x"}],\n  "c": true\n}';
    expect(locateJsonPath(text, ['a', 1, 'b'])).toEqual({ line: 2, column: 18 });
    expect(locateJsonPath(text, ['c'])).toEqual({ line: 3, column: 8 });
    expect(locateJsonPath(text, ['a', 5])).toEqual({ line: 2, column: 8 });
    expect(locateJsonPath(text, [])).toEqual({ line: 1, column: 1 });
    expect(locateJsonPath('{"a": ', ['a'])).toBeNull();
  });
});
