import { Hono } from 'hono'
import { html, raw } from 'hono/html'
import type { LocalOutbox } from '../mail.ts'

/**
 * The developer's view of the e-mail the local market sent: `GET /api/dev/outbox` (JSON) and the
 * page `/dev/outbox`. Mounted only with the local mail adapter, so it never exists in the cloud.
 * A developer tool, not part of the market's interface: it is plain and in English.
 */
export const createDevOutboxApp = (outbox: LocalOutbox) =>
  new Hono()
    .get('/api/dev/outbox', (c) => c.json({ items: outbox.list() }))
    .get('/dev/outbox', (c) =>
      c.html(html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Outbox (local)</title></head>
  <body>
    <h1>Outbox (local)</h1>
    <p>E-mail the local market sent, newest first. Links open the market.</p>
    ${outbox.list().map(
      (mail) => html`<article class="mail" data-to="${mail.to}">
        <h2>${mail.subject}</h2>
        <p>To: ${mail.to} · ${mail.sentAt}</p>
        <pre>${linked(mail.text)}</pre>
      </article>`,
    )}
  </body>
</html>`),
    )

/** The text with its links clickable (escaped first: the text is what users typed into the market). */
const linked = (text: string) =>
  raw(
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`),
  )
