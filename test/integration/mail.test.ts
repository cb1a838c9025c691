import { createAccountsApp } from '@market/api'
import type { NotificationPreferences, Rfq } from '@market/contracts'
import type { MailSender } from '@market/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { bo } from '../../web/src/i18n/bo.ts'
import { en } from '../../web/src/i18n/en.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'

type Account = Awaited<ReturnType<TestMarket['register']>>
type ErrorBody = { error: { code: string } }

const inDays = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000).toISOString().slice(0, 10)
const minutesFromNow = (n: number) => new Date(Date.now() + n * 60 * 1000)

/** The words of a catalog sentence before its first placeholder: what an e-mail of it must contain. */
const opening = (sentence: string) => (sentence.split('{')[0] as string).trim()

/** A sender that fails while `down` is set, as SES does in an outage, and else hands the e-mail on. */
const flakySender = () => {
  const state = { down: false, failures: 0 }
  const wrap = (outbox: MailSender): MailSender => ({
    send: async (mail) => {
      if (state.down) {
        state.failures++
        throw new Error('SES is unavailable')
      }
      await outbox.send(mail)
    },
  })
  return { state, wrap }
}

const sender = flakySender()
let market: TestMarket
let buyer: Account
let supplier: Account

const outboxTo = (email: string) => (market.app.mail.outbox?.list() ?? []).filter((mail) => mail.to === email)
const settled = () => market.app.mail.worker.idle()

/** A request of 100 m of brocade from the buyer, a bid on it by the supplier, and the buyer's award. */
const award = async () => {
  const rfq = await market.call<Rfq>('/api/rfqs', {
    method: 'POST',
    cookie: buyer.cookie,
    body: {
      title: '藏装金花缎 100米',
      categoryId: 'brocade',
      specs: '红底金花',
      quantity: 100,
      unit: 'm',
      neededBy: inDays(30),
      bidDeadline: minutesFromNow(48 * 60).toISOString(),
    },
  })
  expect(rfq.status).toBe(201)
  const bid = await market.call<{ id: string }>(`/api/rfqs/${rfq.body.id}/bids`, {
    method: 'POST',
    cookie: supplier.cookie,
    body: { unitPriceFen: 15800, quantity: 100, leadTimeDays: 10, validUntil: inDays(20) },
  })
  expect(bid.status).toBe(201)
  return market.call<{ orderIds: string[] }>(`/api/rfqs/${rfq.body.id}/award`, {
    method: 'POST',
    cookie: buyer.cookie,
    body: { awards: [{ bidId: bid.body.id, quantity: 100 }] },
  })
}

beforeAll(async () => {
  market = await startTestMarket('mail', { mailer: sender.wrap })
  buyer = await market.register('buyer', '拉姆')
  supplier = await market.verifiedSupplier('王建华')
  await market.publishListing(supplier, { categoryId: 'brocade' })
  // The supplier reads the market in Tibetan and wants news of requests and bids by e-mail.
  expect((await market.call('/api/me/locale', { method: 'PUT', cookie: supplier.cookie, body: { locale: 'bo' } })).status).toBe(
    204,
  )
  const preferences = await market.call<NotificationPreferences>('/api/me/notification-preferences', {
    method: 'PUT',
    cookie: supplier.cookie,
    body: { emailKinds: ['rfq', 'order', 'rfq'] },
  })
  expect(preferences.body).toEqual({ emailKinds: ['order', 'rfq'], emailUndeliverable: false })
  await settled()
})

describe('notifications by e-mail', () => {
  it('an award e-mails the supplier, who opted in, in Tibetan; the buyer, who did not, gets none', async () => {
    const before = outboxTo(buyer.email).length
    const answer = await award()
    expect(answer.status).toBe(200)
    await settled()
    const mails = outboxTo(supplier.email)
    const accepted = mails.find((mail) =>
      mail.subject.includes(opening(bo['notification.rfq.bid_accepted'].split('」')[1] ?? '')),
    )
    expect(accepted, JSON.stringify(mails.map((mail) => mail.subject))).toBeDefined()
    expect(accepted?.subject).toContain('藏装金花缎 100米')
    expect(accepted?.text).toContain('/notifications')
    expect(outboxTo(buyer.email)).toHaveLength(before)
  })

  it('a failed send leaves the award done, and the e-mail goes on a later try', async () => {
    const sentBefore = outboxTo(supplier.email).length
    sender.state.down = true
    const answer = await award()
    // The award is done whatever the mail does.
    expect(answer.status).toBe(200)
    const order = await market.call<{ status: string }>(`/api/orders/${answer.body.orderIds[0]}`, { cookie: buyer.cookie })
    expect(order.body.status).toBe('pending_payment')
    await settled()
    expect(sender.state.failures).toBeGreaterThan(0)
    expect(outboxTo(supplier.email)).toHaveLength(sentBefore)

    sender.state.down = false
    // Not due yet: the first retry waits a minute.
    await market.app.mail.worker.deliver(new Date())
    expect(outboxTo(supplier.email)).toHaveLength(sentBefore)
    await market.app.mail.worker.deliver(minutesFromNow(2))
    expect(outboxTo(supplier.email).length).toBeGreaterThan(sentBefore)
    expect(outboxTo(supplier.email)[0]?.subject).toContain('藏装金花缎 100米')
    // Sent once: a later run finds nothing more of it.
    const after = outboxTo(supplier.email).length
    await market.app.mail.worker.deliver(minutesFromNow(60 * 24))
    expect(outboxTo(supplier.email)).toHaveLength(after)
  })

  it('stops e-mail to an address SES reports undeliverable', async () => {
    const sentBefore = outboxTo(supplier.email).length
    await market.app.mail.worker.deliver()
    await buildDeps(testMarketConfig(market.tableName)).accounts.markMailUndeliverable(supplier.email)
    const preferences = await market.call<NotificationPreferences>('/api/me/notification-preferences', {
      cookie: supplier.cookie,
    })
    expect(preferences.body.emailUndeliverable).toBe(true)
    expect((await award()).status).toBe(200)
    await settled()
    expect(outboxTo(supplier.email)).toHaveLength(sentBefore)
  })
})

describe('password reset', () => {
  const resetLink = (email: string) => {
    const mail = outboxTo(email)[0]
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1]
    if (!token) throw new Error(`no reset e-mail to ${email}`)
    return { mail, token }
  }
  const requestReset = (email: string) => market.call('/api/auth/password-reset', { method: 'POST', body: { email } })
  const confirm = (token: string, password: string) =>
    market.call<ErrorBody>('/api/auth/password-reset/confirm', { method: 'POST', body: { token, password } })

  it('answers the same for an unknown address, and e-mails a known one a link in their language', async () => {
    const account = await market.register('buyer', '卓玛')
    await market.call('/api/me/locale', { method: 'PUT', cookie: account.cookie, body: { locale: 'en' } })
    const known = await requestReset(account.email)
    const unknown = await requestReset(`nobody-${Date.now()}@test.example`)
    expect([known.status, known.body]).toEqual([202, { requested: true }])
    expect([unknown.status, unknown.body]).toEqual([known.status, known.body])
    await settled()
    expect(resetLink(account.email).mail?.subject).toBe(en['mail.reset.subject'])
  })

  it('sets the password once, ends every session of the account, and refuses the link again', async () => {
    const account = await market.register('buyer', '次旦')
    const second = await market.signIn(account.email, account.password)
    await requestReset(account.email)
    await settled()
    const { token } = resetLink(account.email)
    // Chinese unless the user chose another language.
    expect(outboxTo(account.email)[0]?.subject).toBe('重设你的密码')

    expect((await confirm(token, 'a new password 2026')).status).toBe(204)
    for (const cookie of [account.cookie, second.cookie]) expect((await market.call('/api/me', { cookie })).status).toBe(401)
    const again = await confirm(token, 'yet another password')
    expect([again.status, again.body.error.code]).toEqual([400, 'auth.reset_invalid'])
    expect(
      (await market.call('/api/auth/login', { method: 'POST', body: { email: account.email, password: account.password } }))
        .status,
    ).toBe(401)
    const fresh = await market.signIn(account.email, 'a new password 2026')
    expect((await market.call('/api/me', { cookie: fresh.cookie })).status).toBe(200)
  })

  it('refuses a link after its 30 minutes, and limits how often one address asks', async () => {
    const account = await market.register('supplier', '格桑')
    await requestReset(account.email)
    await settled()
    const { token } = resetLink(account.email)
    const later = createAccountsApp({
      ...buildDeps(testMarketConfig(market.tableName)),
      clock: { now: () => minutesFromNow(31) },
    })
    const expired = await later.request('/api/auth/password-reset/confirm', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, password: 'a new password 2026' }),
    })
    expect(expired.status).toBe(400)
    // Still usable within its time: the expired attempt changed nothing.
    expect((await confirm(token, 'a new password 2026')).status).toBe(204)

    const answers = [await requestReset(account.email), await requestReset(account.email), await requestReset(account.email)]
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 429])
  })
})
