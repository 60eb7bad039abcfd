import { Liquid } from 'liquidjs';

export interface LiquidEngineOptions {
  /** HTML-escape every `{{ output }}` (for HTML templates: event data is caller-supplied). */
  escapeOutput?: boolean;
}

/**
 * The one Liquid configuration: strict variables (a typo is an error, not an empty string) and
 * strict filters, with `{% if missing %}` still allowed. Rendering, validation and previews share it,
 * so a template accepted at PUT parses the same way when the router renders it.
 */
export function createLiquid(options: LiquidEngineOptions = {}): Liquid {
  const liquid = new Liquid({
    strictVariables: true,
    lenientIf: true,
    strictFilters: true,
    cache: 500,
    ...(options.escapeOutput ? { outputEscape: 'escape' as const } : {}),
  });
  liquid.registerFilter('json_if_object', (value: unknown) =>
    value !== null && typeof value === 'object' ? JSON.stringify(value) : value,
  );
  return liquid;
}
