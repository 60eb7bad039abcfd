import { markdownToText } from '@herald/templates';
import type { OutboundDelivery } from '@herald/worker-kit';

/** A message card (card JSON 1.0): a coloured header, the Markdown body, one button per action. */
export interface FeishuCard {
  config: { wide_screen_mode: boolean };
  header: { template: string; title: { tag: 'plain_text'; content: string } };
  elements: FeishuCardElement[];
}

export type FeishuCardElement =
  { tag: 'markdown'; content: string } | { tag: 'action'; actions: FeishuCardButton[] };

export interface FeishuCardButton {
  tag: 'button';
  text: { tag: 'plain_text'; content: string };
  type: 'primary' | 'default';
  url: string;
}

// The header colour tells at a glance how it went.
const TEMPLATE_BY_TRIGGER: Record<string, string> = {
  error: 'red',
  success: 'green',
  approval: 'orange',
  started: 'blue',
};

export function feishuCard(delivery: OutboundDelivery): FeishuCard {
  const { message, notification } = delivery;
  const elements: FeishuCardElement[] = [];
  if (message.markdown.trim()) elements.push({ tag: 'markdown', content: neutralized(message.markdown) });
  if (notification.actions.length > 0) {
    elements.push({
      tag: 'action',
      actions: notification.actions.map((action, index) => ({
        tag: 'button',
        text: { tag: 'plain_text', content: action.label },
        type: index === 0 ? 'primary' : 'default',
        url: action.url,
      })),
    });
  }
  return {
    config: { wide_screen_mode: true },
    header: {
      template: TEMPLATE_BY_TRIGGER[notification.trigger ?? ''] ?? 'blue',
      title: { tag: 'plain_text', content: markdownToText(message.title) },
    },
    elements,
  };
}

// Card Markdown reads tags: event data must not turn into `<at id=all></at>` (mention everyone)
// or `<font>`. Feishu shows the entities as the characters they stand for.
function neutralized(markdown: string): string {
  return markdown.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
