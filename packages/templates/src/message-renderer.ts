import type { Liquid } from 'liquidjs';
import type { RenderedMessage } from '@herald/contracts';
import { emailLayout } from './email-layout.js';
import { createLiquid } from './liquid-engine.js';
import { markdownToHtml, markdownToText } from './markdown.js';
import { describeTemplateError, type TemplateErrorDetail, templateErrorDetail } from './template-error.js';
import type { MessageTemplate, TemplateContext } from './template-context.js';

/** One part of a template that did not render: `title`, `body`, `html` or `blocks.<path>`. */
export interface TemplatePartError extends TemplateErrorDetail {
  part: string;
}

export class TemplateRenderError extends Error {
  constructor(
    message: string,
    readonly errors: TemplatePartError[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TemplateRenderError';
  }
}

export interface RenderOptions {
  /** Also produce the HTML email body. */
  html: boolean;
}

export interface FullMessage extends RenderedMessage {
  /** The template's channel-specific blocks with their strings rendered. */
  blocks?: unknown;
}

/** Every part rendered, or every part that failed: a preview wants all the errors, not the first. */
export type RenderAttempt =
  { message: FullMessage; errors: [] } | { message: null; errors: TemplatePartError[] };

/** Renders templates with LiquidJS (strict variables: a typo is an error, not an empty string). */
export class MessageRenderer {
  private readonly text = createLiquid();
  private readonly markup = createLiquid({ escapeOutput: true });

  /** Throws a TemplateRenderError naming the first part that failed. */
  async render(
    template: MessageTemplate,
    context: TemplateContext,
    options: RenderOptions,
  ): Promise<FullMessage> {
    const attempt = await this.renderAll(template, context, options);
    if (attempt.message) return attempt.message;
    const [first] = attempt.errors;
    throw new TemplateRenderError(
      `template did not render: ${first!.part}: ${describeTemplateError(first!)}`,
      attempt.errors,
    );
  }

  async renderAll(
    template: MessageTemplate,
    context: TemplateContext,
    options: RenderOptions,
  ): Promise<RenderAttempt> {
    const scope = context as unknown as Record<string, unknown>;
    const errors: TemplatePartError[] = [];
    const part = async (liquid: Liquid, name: string, source: string): Promise<string> => {
      try {
        return await liquid.parseAndRender(source, scope);
      } catch (error) {
        errors.push({ part: name, ...templateErrorDetail(error) });
        return '';
      }
    };

    const title = (await part(this.text, 'title', template.title)).trim();
    const markdown = (await part(this.text, 'body', template.body)).trim();
    let html: string | undefined;
    if (options.html) {
      html =
        template.html !== undefined
          ? await part(this.markup, 'html', template.html)
          : emailLayout(title, markdownToHtml(markdown), context.actions);
    }
    const blocks =
      template.blocks === undefined
        ? undefined
        : await this.renderStrings(template.blocks, 'blocks', (name, source) =>
            part(this.text, name, source),
          );

    if (errors.length > 0) return { message: null, errors };
    const message: FullMessage = { title, markdown, text: markdownToText(markdown) };
    if (html !== undefined) message.html = html;
    if (blocks !== undefined) message.blocks = blocks;
    return { message, errors: [] };
  }

  /** A copy of a JSON value with every string rendered as Liquid. */
  private async renderStrings(
    value: unknown,
    path: string,
    render: (part: string, source: string) => Promise<string>,
  ): Promise<unknown> {
    if (typeof value === 'string') return render(path, value);
    if (value === null || typeof value !== 'object') return value;
    // One string after the other, so errors come in the order of the document.
    const rendered: [string, unknown][] = [];
    for (const [key, child] of Object.entries(value)) {
      rendered.push([key, await this.renderStrings(child, `${path}.${key}`, render)]);
    }
    return Array.isArray(value) ? rendered.map(([, child]) => child) : Object.fromEntries(rendered);
  }
}
