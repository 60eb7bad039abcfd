import { createLiquid } from './liquid-engine.js';
import { type TemplateErrorDetail, templateErrorDetail } from './template-error.js';

export type TemplateValidation = { ok: true } | { ok: false; errors: TemplateErrorDetail[] };

const liquid = createLiquid();

/**
 * Does a Liquid source parse (tags closed, filters known)? Variables are not checked: they only
 * exist at render time, which is what a preview is for. Liquid stops at the first error, so
 * `errors` holds one.
 */
export function validateTemplate(source: string): TemplateValidation {
  try {
    liquid.parse(source);
    return { ok: true };
  } catch (error) {
    return { ok: false, errors: [templateErrorDetail(error)] };
  }
}
