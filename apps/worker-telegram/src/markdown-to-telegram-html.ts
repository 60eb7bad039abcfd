import { markdownToHtml } from '@herald/templates';

/**
 * Herald's Markdown as the HTML subset Telegram parses (`b`, `i`, `s`, `a`, `code`, `pre`,
 * `blockquote`), with at most `maxLength` characters of visible text. Anything longer is cut
 * inside a text run, never inside a tag or an entity, ends with "…", and every tag still open
 * is closed, so Telegram never refuses it with "can't parse entities".
 */
export function markdownToTelegramHtml(markdown: string, maxLength: number): string {
  const writer = new TelegramHtmlWriter(maxLength);
  // marked's HTML is well formed and escapes raw HTML, so a flat scan of tags and text is enough.
  for (const [, closing, name, attributes, text] of markdownToHtml(markdown).matchAll(MARKUP)) {
    if (text !== undefined) writer.text(text);
    else if (closing) writer.close(name.toLowerCase());
    else writer.open(name.toLowerCase(), attributes);
  }
  return writer.finish();
}

/** Only what Telegram's HTML mode gives a meaning to: `<`, `>` and `&`. */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const MARKUP = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
const INLINE_TAGS: Readonly<Record<string, string>> = {
  strong: 'b',
  b: 'b',
  em: 'i',
  i: 'i',
  del: 's',
  s: 's',
};
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Telegram refuses other schemes in a text link.
const LINK_SCHEMES = /^(https?|tg|mailto):/i;

interface OpenTag {
  source: string;
  /** The Telegram tag written for it, if any. */
  written?: string;
}

class TelegramHtmlWriter {
  private readonly parts: string[] = [];
  private readonly stack: OpenTag[] = [];
  private readonly lists: { ordered: boolean; next: number }[] = [];
  private visible = 0;
  private trailingNewlines = 0;
  private cut = false;
  private cellInRow = 0;

  constructor(private readonly maxLength: number) {}

  open(name: string, attributes: string): void {
    if (this.cut) return;
    if (name === 'br') return this.newline(0);
    if (name === 'hr') return this.block('———');
    if (name === 'img') return this.text(attributeOf(attributes, 'alt') ?? '');
    if (name === 'input') return this.text(/\schecked/.test(attributes) ? '☑' : '☐');
    if (name === 'ul' || name === 'ol') {
      if (this.lists.length > 0) this.newline(1);
      this.lists.push({ ordered: name === 'ol', next: Number(attributeOf(attributes, 'start') ?? 1) });
      return;
    }
    if (name === 'li') return this.text(this.bulletOf());
    if (name === 'tr') this.cellInRow = 0;
    if ((name === 'td' || name === 'th') && this.cellInRow++ > 0) this.text(' | ');
    this.stack.push({ source: name, written: this.writeOpening(name, attributes) });
  }

  close(name: string): void {
    if (this.cut) return;
    if (name === 'ul' || name === 'ol') {
      this.lists.pop();
      return this.newline(this.lists.length > 0 ? 1 : 2);
    }
    if (name === 'li' || name === 'tr') return this.newline(1);
    const index = this.stack.map((tag) => tag.source).lastIndexOf(name);
    if (index < 0) return;
    const [tag] = this.stack.splice(index, 1);
    if (tag.written === 'blockquote' || tag.written === 'pre') this.dropTrailingNewlines();
    if (tag.written) this.parts.push(`</${tag.written}>`);
    if (name === 'p' || name === 'pre' || name === 'blockquote' || name === 'table' || HEADINGS.has(name)) {
      this.newline(2);
    }
  }

  text(html: string): void {
    // Newlines between marked's block tags are layout, not content, except inside a code block.
    if (/^\n+$/.test(html) && !this.inside('pre')) return;
    this.append(decodeEntities(html));
  }

  finish(): string {
    while (this.stack.length > 0) {
      const tag = this.stack.pop();
      if (tag?.written) this.parts.push(`</${tag.written}>`);
    }
    return this.parts.join('').replace(/\s+$/, '');
  }

  private writeOpening(name: string, attributes: string): string | undefined {
    const inline = INLINE_TAGS[name];
    if (inline) return this.emit(inline);
    if (HEADINGS.has(name)) return this.emit('b');
    if (name === 'pre') return this.emit('pre');
    // Telegram entities other than bold, italic and strike cannot contain one another.
    const inEntity = this.inside('a') || this.inside('code') || this.inside('pre');
    if (name === 'code' && !inEntity) return this.emit('code');
    if (name === 'blockquote' && !this.inside('blockquote')) return this.emit('blockquote');
    if (name === 'a' && !inEntity) {
      const href = decodeEntities(attributeOf(attributes, 'href') ?? '');
      if (LINK_SCHEMES.test(href))
        return this.emit('a', ` href="${escapeTelegramHtml(href).replace(/"/g, '&quot;')}"`);
    }
    return undefined;
  }

  private emit(tag: string, attributes = ''): string {
    this.parts.push(`<${tag}${attributes}>`);
    return tag;
  }

  private inside(tag: string): boolean {
    return this.stack.some((open) => open.written === tag);
  }

  private bulletOf(): string {
    const list = this.lists.at(-1);
    const indent = '  '.repeat(Math.max(0, this.lists.length - 1));
    if (!list?.ordered) return `${indent}• `;
    return `${indent}${list.next++}. `;
  }

  private block(text: string): void {
    this.newline(1);
    this.text(text);
    this.newline(2);
  }

  /** Ends the output with at least `count` newlines; 0 writes exactly one (a `<br>`). */
  private newline(count: number): void {
    if (this.visible === 0) return;
    const missing = count === 0 ? 1 : count - this.trailingNewlines;
    if (missing > 0) this.append('\n'.repeat(missing));
  }

  private dropTrailingNewlines(): void {
    while (/^\n+$/.test(this.parts.at(-1) ?? '')) this.visible -= this.parts.pop()?.length ?? 0;
    this.trailingNewlines = 0;
  }

  private append(plain: string): void {
    if (this.cut || plain.length === 0) return;
    // One character stays free for the ellipsis.
    const room = this.maxLength - 1 - this.visible;
    const kept = plain.length <= room ? plain : `${sliceWhole(plain, room)}…`;
    this.cut = kept !== plain;
    this.parts.push(escapeTelegramHtml(kept));
    this.visible += kept.length;
    const trailing = /\n*$/.exec(kept)?.[0].length ?? 0;
    this.trailingNewlines = trailing === kept.length ? this.trailingNewlines + trailing : trailing;
  }
}

function attributeOf(attributes: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(attributes)?.[1];
}

function decodeEntities(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
    if (named[name.toLowerCase()]) return named[name.toLowerCase()];
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** The first `length` UTF-16 code units of `text`, one less rather than half a surrogate pair. */
function sliceWhole(text: string, length: number): string {
  if (length <= 0) return '';
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
