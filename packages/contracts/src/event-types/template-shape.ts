import { CHANNEL_NAMES } from '../channels/channel-name.enum.js';
import type { ChannelTemplate, ChannelTemplateMap } from './event-type.view.js';

/** The key of the templates used by channels that have none of their own. */
export const DEFAULT_TEMPLATE_KEY = 'default';

const TEXT_PARTS = ['title', 'body', 'html'] as const;
const PARTS: readonly string[] = [...TEXT_PARTS, 'blocks'];
const CHANNEL_ONLY_PARTS: readonly string[] = ['html', 'blocks'];
const MAX_LENGTH: Record<(typeof TEXT_PARTS)[number], number> = { title: 1000, body: 100_000, html: 200_000 };

export interface TemplateProblem {
  /** Dotted path from the body's root: `templates.email.body`. */
  field: string;
  messages: string[];
}

/** One Liquid source inside a template map, with where it sits. */
export interface TemplateSource {
  channel: string;
  /** Path inside the channel's template: `title`, `body`, `html`, `blocks.0.text.text`. */
  part: string;
  source: string;
}

/**
 * What class-validator cannot say about a map keyed by channel: unknown channels, unknown parts,
 * parts of the wrong type. Empty when the shape is right (whether the Liquid parses is another check).
 */
export function templateShapeProblems(templates: Record<string, unknown>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const keys = [...CHANNEL_NAMES, DEFAULT_TEMPLATE_KEY];
  for (const [key, template] of Object.entries(templates)) {
    const field = `templates.${key}`;
    if (!keys.includes(key)) {
      problems.push({ field, messages: [`${field} is not a channel; use one of ${keys.join(', ')}`] });
      continue;
    }
    if (template === null || typeof template !== 'object' || Array.isArray(template)) {
      problems.push({ field, messages: [`${field} must be an object with ${PARTS.join(', ')}`] });
      continue;
    }
    for (const [part, value] of Object.entries(template)) {
      const partField = `${field}.${part}`;
      if (!PARTS.includes(part)) {
        problems.push({
          field: partField,
          messages: [`${partField} is not allowed; use ${PARTS.join(', ')}`],
        });
      } else if (key === DEFAULT_TEMPLATE_KEY && CHANNEL_ONLY_PARTS.includes(part)) {
        // An HTML email or Slack blocks mean nothing to the other channels a default serves.
        problems.push({ field: partField, messages: [`${partField} belongs under a channel, not default`] });
      } else if (part === 'blocks') {
        if (value === null || typeof value !== 'object') {
          problems.push({ field: partField, messages: [`${partField} must be an array or an object`] });
        }
      } else if (typeof value !== 'string') {
        problems.push({ field: partField, messages: [`${partField} must be a string`] });
      } else if (value.length > MAX_LENGTH[part as (typeof TEXT_PARTS)[number]]) {
        const max = MAX_LENGTH[part as (typeof TEXT_PARTS)[number]];
        problems.push({ field: partField, messages: [`${partField} must be at most ${max} characters`] });
      }
    }
  }
  return problems;
}

/** Every Liquid source of a well-shaped map: the text parts and each string inside `blocks`. */
export function templateSources(templates: ChannelTemplateMap): TemplateSource[] {
  return Object.entries(templates).flatMap(([channel, template]) =>
    channelTemplateSources(channel, template),
  );
}

export function channelTemplateSources(channel: string, template: ChannelTemplate): TemplateSource[] {
  const sources: TemplateSource[] = [];
  for (const part of TEXT_PARTS) {
    const source = template[part];
    if (typeof source === 'string') sources.push({ channel, part, source });
  }
  if (template.blocks !== undefined) collectStrings(template.blocks, 'blocks', channel, sources);
  return sources;
}

function collectStrings(value: unknown, path: string, channel: string, into: TemplateSource[]): void {
  if (typeof value === 'string') {
    into.push({ channel, part: path, source: value });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) collectStrings(child, `${path}.${key}`, channel, into);
  }
}
