// The whole page: no framework, no build step. It polls /api/messages and redraws both lists,
// keeping open whatever the reader opened. Every caught value goes in through textContent (or a
// sandboxed iframe for HTML bodies), so a message cannot run script in the page.
/** `smtp` is shown as where to send mail, e.g. `127.0.0.1:1025`. */
export function renderDevboxPage(smtp: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Herald devbox</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222; }
  h1 { font-size: 1.3rem; margin: 0 0 .2rem; } h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
  .muted { color: #777; }
  details { border: 1px solid #ddd; border-radius: 4px; margin: .3rem 0; padding: .3rem .6rem; }
  summary { cursor: pointer; display: flex; gap: 1rem; }
  summary span:first-child { color: #777; min-width: 6rem; }
  pre { background: #f6f6f6; padding: .5rem; overflow: auto; max-height: 30rem; white-space: pre-wrap; }
  iframe { width: 100%; height: 28rem; border: 1px solid #ddd; background: #fff; }
</style>
</head>
<body>
<h1>Herald devbox</h1>
<div class="muted">Mail caught on SMTP ${escapeHtml(smtp)} and webhook calls to /hooks/*, newest first.
  Refreshes every 2 s. <span id="status"></span></div>
<h2>Mails (<span id="mail-count">0</span>)</h2>
<div id="mails"></div>
<h2>Webhook calls (<span id="hook-count">0</span>)</h2>
<div id="webhooks"></div>
<script>
function el(tag, text) { const node = document.createElement(tag); if (text !== undefined) node.textContent = text; return node; }
function time(iso) { return new Date(iso).toLocaleTimeString(); }
function item(key, cells, fill) {
  const details = el('details');
  details.dataset.key = key;
  const summary = el('summary');
  for (const cell of cells) summary.append(el('span', cell));
  details.append(summary);
  fill(details);
  return details;
}
function mailItem(mail) {
  return item('mail-' + mail.id, [time(mail.receivedAt), mail.from, '→ ' + mail.to, mail.subject], (details) => {
    details.append(el('div', 'Envelope: ' + mail.envelope.from + ' → ' + mail.envelope.to.join(', ')));
    if (mail.html !== null) {
      const frame = el('iframe');
      frame.setAttribute('sandbox', '');
      frame.srcdoc = mail.html;
      details.append(el('h4', 'HTML'), frame);
    }
    if (mail.text !== null) details.append(el('h4', 'Text'), el('pre', mail.text));
  });
}
function hookItem(hook) {
  return item('hook-' + hook.id, [time(hook.receivedAt), hook.method + ' ' + hook.path], (details) => {
    details.append(el('h4', 'Headers'), el('pre', JSON.stringify(hook.headers, null, 2)));
    details.append(el('h4', 'Body'), el('pre', hook.json !== null ? JSON.stringify(hook.json, null, 2) : hook.body));
  });
}
function redraw(container, items, render) {
  const open = new Set([...container.querySelectorAll('details[open]')].map((node) => node.dataset.key));
  const nodes = items.map(render);
  for (const node of nodes) node.open = open.has(node.dataset.key);
  container.replaceChildren(...(nodes.length ? nodes : [el('div', 'nothing yet')]));
}
let shown = '';
async function refresh() {
  try {
    const answer = await fetch('/api/messages');
    const text = await answer.text();
    document.getElementById('status').textContent = '';
    if (text === shown) return;
    shown = text;
    const messages = JSON.parse(text);
    document.getElementById('mail-count').textContent = messages.mails.length;
    document.getElementById('hook-count').textContent = messages.webhooks.length;
    redraw(document.getElementById('mails'), messages.mails, mailItem);
    redraw(document.getElementById('webhooks'), messages.webhooks, hookItem);
  } catch {
    document.getElementById('status').textContent = '(devbox not answering: is pnpm dev still running?)';
  }
}
refresh();
setInterval(refresh, 2000);
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
