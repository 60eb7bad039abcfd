import { escapeHtml } from './markdown.js';

/** A plain, widely-rendered HTML email: title, body, action buttons. Inline styles only (mail clients). */
export function emailLayout(
  title: string,
  bodyHtml: string,
  actions: { label: string; url: string }[],
): string {
  const buttons = actions
    .map(
      (action) =>
        `<a href="${escapeHtml(action.url)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 16px;background:#2563eb;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a>`,
    )
    .join('');
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#18181b">
<div style="max-width:600px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>
<div style="font-size:15px;line-height:1.5">${bodyHtml}</div>
${buttons ? `<div style="margin-top:20px">${buttons}</div>` : ''}
</div>
<p style="text-align:center;font-size:12px;color:#71717a">Sent by Herald</p>
</body></html>`;
}
