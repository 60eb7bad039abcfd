export interface Column {
  header: string;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right';
}

const GAP = '  ';

/**
 * A plain-text table: a header row, then one line per row, columns as wide as their widest cell.
 * Line breaks inside a cell become spaces so a row stays one line (grep and awk keep working);
 * the last column is not padded, so lines carry no trailing blanks.
 */
export function renderTable(columns: Column[], rows: string[][]): string[] {
  const cells = [columns.map((column) => column.header), ...rows].map((row) =>
    columns.map((_, index) => oneLine(row[index] ?? '')),
  );
  const widths = columns.map((_, index) => Math.max(...cells.map((row) => row[index]!.length)));
  return cells.map((row) =>
    row
      .map((cell, index) => {
        const last = index === columns.length - 1;
        if (columns[index]!.align === 'right') return cell.padStart(widths[index]!);
        return last ? cell : cell.padEnd(widths[index]!);
      })
      .join(GAP)
      .trimEnd(),
  );
}

/** Long provider errors would make every row as wide as the longest; `--json` has the whole text. */
export function truncate(text: string, max: number): string {
  const flat = oneLine(text);
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
