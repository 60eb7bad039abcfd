import { type ChannelTemplateMap, templateShapeProblems, templateSources } from '@herald/contracts';
import { describeTemplateError, validateTemplate } from '@herald/templates';
import type { FieldProblem } from '../errors/api-error.js';

/**
 * Why a templates map cannot be stored: its shape first (unknown channels or parts), then every
 * Liquid source that does not parse, with its line and column, e.g. `templates.email.body`:
 * "tag {% if x %} not closed (line 2, column 5)".
 */
export function templateProblems(templates: Record<string, unknown>): FieldProblem[] {
  const shape = templateShapeProblems(templates);
  if (shape.length > 0) return shape;
  return templateSources(templates as ChannelTemplateMap).flatMap(({ channel, part, source }) => {
    const validation = validateTemplate(source);
    if (validation.ok) return [];
    return [
      { field: `templates.${channel}.${part}`, messages: validation.errors.map(describeTemplateError) },
    ];
  });
}
