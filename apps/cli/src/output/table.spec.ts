import { renderTable, truncate } from './table.js';

describe('renderTable', () => {
  it('pads each column to its widest cell, right-aligns numbers and leaves no trailing blanks', () => {
    const lines = renderTable(
      [{ header: 'QUEUE' }, { header: 'WAITING', align: 'right' }, { header: 'NOTE' }],
      [
        ['deliver.webhook', '3', 'held'],
        ['route', '12', ''],
      ],
    );
    expect(lines).toEqual([
      'QUEUE            WAITING  NOTE',
      'deliver.webhook        3  held',
      'route                 12',
    ]);
  });

  it('keeps a row on one line when a cell holds line breaks', () => {
    expect(renderTable([{ header: 'A' }, { header: 'B' }], [['x', 'first\n  second\r\nthird']])).toEqual([
      'A  B',
      'x  first second third',
    ]);
  });

  it('prints the header alone for no rows, and empty cells for short rows', () => {
    expect(renderTable([{ header: 'ID' }, { header: 'TYPE' }], [])).toEqual(['ID  TYPE']);
    expect(renderTable([{ header: 'ID' }, { header: 'TYPE' }], [['1']])).toEqual(['ID  TYPE', '1']);
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text to the limit with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('0123456789abc', 10)).toBe('012345678…');
    expect(truncate('a\nb', 10)).toBe('a b');
  });
});
