import { createNotificationsApp, type LogLine } from '@market/api'
import type { NotificationsResponse } from '@market/contracts'
import { Notifications } from '@market/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'

type Account = Awaited<ReturnType<TestMarket['register']>>

let market: TestMarket
let deps: ReturnType<typeof buildDeps>
/** The notifications app over the market's table, keeping its request log lines (each with its DynamoDB calls). */
let app: ReturnType<typeof createNotificationsApp>
const logs: LogLine[] = []

beforeAll(async () => {
  market = await startTestMarket('notifications')
  deps = buildDeps(testMarketConfig(market.tableName), (line) => logs.push(line))
  app = createNotificationsApp(deps)
})

/** `count` new notifications for the account, as the market's changes deliver them; their ids, oldest first. */
const deliver = async (who: Account, count: number) => {
  const sent = Array.from({ length: count }, (_, n) =>
    Notifications.notification(deps, who.user.id, 'test.news', { n: String(n) }),
  )
  await deps.notifications.deliver(sent)
  return sent.map((notification) => notification.id)
}

/** Marks read through the API; the DynamoDB calls the request cost. */
const markRead = async (who: Account, body: unknown) => {
  const response = await app.request('/api/notifications/read', {
    method: 'POST',
    headers: { Cookie: who.cookie, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(response.status).toBe(204)
  return logs.at(-1)?.dynamoCalls as number
}

const inbox = async (who: Account) =>
  (await market.call<NotificationsResponse>('/api/notifications', { cookie: who.cookie })).body

describe('marking notifications read', () => {
  it('marks 100 by id in a handful of DynamoDB calls, whatever their number', async () => {
    const reader = await market.register('buyer')
    const ids = await deliver(reader, 100)
    expect((await inbox(reader)).unread).toBe(100)
    // The session, one BatchGet of the hundred, two transactions (99 + 1 with the counter).
    expect(await markRead(reader, { ids })).toBeLessThanOrEqual(4)
    const after = await inbox(reader)
    expect(after.unread).toBe(0)
    expect(after.items.every((item) => item.read)).toBe(true)
  })

  it('marks all of 150 read in a handful of DynamoDB calls', async () => {
    const reader = await market.register('buyer')
    await deliver(reader, 150)
    // The session, one Query of the unread ones, two transactions.
    expect(await markRead(reader, { all: true })).toBeLessThanOrEqual(4)
    expect((await inbox(reader)).unread).toBe(0)
  })

  it('counts each notification once when marks race, and only the reader’s own', async () => {
    const reader = await market.register('buyer')
    const other = await market.register('buyer')
    const ids = await deliver(reader, 120)
    const others = await deliver(other, 3)
    await Promise.all([
      markRead(reader, { ids: ids.slice(0, 100) }),
      markRead(reader, { ids: [...ids.slice(60), ...others] }),
      markRead(reader, { all: true }),
      markRead(reader, { ids: [ids[0], ids[0], ids[1]] }),
    ])
    expect((await inbox(other)).unread).toBe(3)
    // Had the counter gone below zero, the next notification would not show as unread.
    await deliver(reader, 1)
    expect((await inbox(reader)).unread).toBe(1)
  })
})
