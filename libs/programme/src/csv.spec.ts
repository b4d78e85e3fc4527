import { parse } from 'csv-parse/sync';
import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it.each(['=1+1', '+44 20', '-2', '@SUM(A1)', '\tTAB', '\rCR'])('neutralises a cell starting a formula: %j', (value) => {
    expect(csvCell(value)).toBe(`'${value}`);
  });

  it('leaves other cells alone and writes dates, booleans and nulls plainly', () => {
    expect(csvCell('Riverside Care CIC')).toBe('Riverside Care CIC');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(true)).toBe('yes');
    expect(csvCell(null)).toBe('');
    expect(csvCell(new Date('2026-07-01T10:00:00Z'))).toBe('2026-07-01T10:00:00.000Z');
  });

  it('starts with a byte order mark and parses back to the same cells', () => {
    const text = toCsv(
      [{ name: 'Zoë, "the" mentor', note: '=cmd' }],
      [
        { header: 'Name', value: (row) => row.name },
        { header: 'Note', value: (row) => row.note },
      ],
    );
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(parse(text, { bom: true })).toEqual([
      ['Name', 'Note'],
      ['Zoë, "the" mentor', "'=cmd"],
    ]);
  });
});
