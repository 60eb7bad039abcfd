const PRINT_WIDTH = 110;

/**
 * JSON as the repository's Prettier prints it (2 spaces, arrays of plain values on one line when
 * they fit), so a results file left in the checkout never fails `pnpm format:check`.
 */
export function formatJson(value: unknown): string {
  return `${print(value, '', 0)}\n`;
}

function print(value: unknown, indent: string, column: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => item === null || typeof item !== 'object')) {
      const inline = `[${value.map((item) => JSON.stringify(item ?? null)).join(', ')}]`;
      // The trailing comma the line may end with counts towards the width too.
      if (column + inline.length + 1 <= PRINT_WIDTH) return inline;
      if (value.every((item) => typeof item === 'number')) return fill(value as number[], indent);
    }
    const items = value.map((item) => `${inner}${print(item, inner, inner.length)}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(
    ([, item]) => item !== undefined && typeof item !== 'function',
  );
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item]) => {
    const prefix = `${inner}${JSON.stringify(key)}: `;
    return `${prefix}${print(item, inner, prefix.length)}`;
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** Prettier fills long arrays of numbers: as many to a line as fit, each followed by its comma. */
function fill(numbers: number[], indent: string): string {
  const inner = `${indent}  `;
  const lines: string[] = [];
  let line = '';
  for (const [index, number] of numbers.entries()) {
    const item = `${JSON.stringify(number)}${index < numbers.length - 1 ? ',' : ''}`;
    if (line && inner.length + line.length + 1 + item.length > PRINT_WIDTH) {
      lines.push(`${inner}${line}`);
      line = item;
    } else line = line ? `${line} ${item}` : item;
  }
  lines.push(`${inner}${line}`);
  return `[\n${lines.join('\n')}\n${indent}]`;
}
