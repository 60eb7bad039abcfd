import type { ChannelTemplateMap } from '@herald/contracts';
import { DEFAULT_TEMPLATE } from './default-template.js';
import type { MessageTemplate } from './template-context.js';

/**
 * The template a channel renders with, part by part: the channel's own, else the event type's
 * `default`, else the readable built-in one. `html` and `blocks` only ever come from the channel's
 * own template (`templateShapeProblems` keeps them out of `default`).
 */
export function resolveChannelTemplate(
  templates: ChannelTemplateMap | null,
  channel: string,
): MessageTemplate {
  const own = templates?.[channel];
  const shared = templates?.default;
  const template: MessageTemplate = {
    title: own?.title ?? shared?.title ?? DEFAULT_TEMPLATE.title,
    body: own?.body ?? shared?.body ?? DEFAULT_TEMPLATE.body,
  };
  if (own?.html !== undefined) template.html = own.html;
  if (own?.blocks !== undefined) template.blocks = own.blocks;
  return template;
}
