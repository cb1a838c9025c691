import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type {
  AttentionCounts,
  Listing,
  Message,
  MessagePage,
  NotificationsResponse,
  Rfq,
  Thread,
  ThreadPage,
} from '@market/contracts'
import { keys } from '@market/data'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTestMarket, type TestMarket, woolRequestInput } from '../support/market.ts'
import { deliveredOrder } from '../support/ratings.ts'

type Account = Awaited<ReturnType<TestMarket['register']>>
type ErrorBody = { error?: { code: string } }

let market: TestMarket
let admin: { cookie: string }
let buyer: Account
let otherBuyer: Account
let supplier: Account
let otherSupplier: Account
let rfq: Rfq

const send = <T>(who: { cookie: string }, path: string, method = 'GET', body?: unknown) =>
  market.call<T & ErrorBody>(path, { method, cookie: who.cookie, ...(body ? { body } : {}) })
const open = (who: { cookie: string }, subject: Record<string, string>, text = '请问') =>
  send<Thread>(who, '/api/threads', 'POST', { subject, text })
const read = (who: { cookie: string }, threadId: string) => send<MessagePage>(who, `/api/threads/${threadId}/messages`)
const inbox = (who: { cookie: string }, query = '') => send<ThreadPage>(who, `/api/threads${query}`)
const attention = async (who: { cookie: string }) => (await send<AttentionCounts>(who, '/api/me/attention')).body.messages

beforeAll(async () => {
  market = await startTestMarket('threads')
  admin = await market.signInAdmin()
  ;[buyer, otherBuyer] = await Promise.all([market.register('buyer', '拉姆'), market.register('buyer', '白玛')])
  ;[supplier, otherSupplier] = await Promise.all([market.verifiedSupplier('卓嘎'), market.verifiedSupplier('旺堆')])
  // Both suppliers trade wool, so the request is open to both.
  await Promise.all([supplier, otherSupplier].map((who) => market.publishListing(who, { categoryId: 'wool' })))
  rfq = (await send<Rfq>(buyer, '/api/rfqs', 'POST', woolRequestInput())).body
})

describe('a clarification on a purchase request', () => {
  it('is private to the buyer and the one supplier (404 to other suppliers, buyers and administrators), and the pair’s thread is reused', async () => {
    const asked = await open(supplier, { kind: 'rfq', id: rfq.id }, '请问羊毛要几支纱？')
    expect(asked.status).toBe(201)
    const threadId = asked.body.id
    expect(asked.body).toMatchObject({
      buyer: { id: buyer.user.id },
      supplier: { id: supplier.user.id },
      title: { zh: rfq.title },
    })

    // Asking again, from either side, lands in the same thread.
    expect(await open(supplier, { kind: 'rfq', id: rfq.id }, '还有颜色？')).toMatchObject({ status: 200, body: { id: threadId } })
    const answered = await open(buyer, { kind: 'rfq', id: rfq.id, supplierId: supplier.user.id }, '48 支，本色')
    expect(answered).toMatchObject({ status: 200, body: { id: threadId } })
    const messages = await read(buyer, threadId)
    expect(messages.body.items.map((message) => message.text)).toEqual(['48 支，本色', '还有颜色？', '请问羊毛要几支纱？'])

    for (const stranger of [otherSupplier, otherBuyer, admin]) {
      expect((await read(stranger, threadId)).status).toBe(404)
      expect((await send(stranger, `/api/threads/${threadId}/messages`, 'POST', { text: '我也想看' })).status).toBe(404)
      expect((await inbox(stranger, `?kind=rfq&subjectId=${rfq.id}`)).body.items.map((thread) => thread.id)).not.toContain(
        threadId,
      )
    }
    // A buyer names the supplier it asks; a buyer who does not own the request has nothing to open.
    expect((await open(buyer, { kind: 'rfq', id: rfq.id })).status).toBe(400)
    expect((await open(otherBuyer, { kind: 'rfq', id: rfq.id, supplierId: supplier.user.id })).status).toBe(404)

    // The buyer's other supplier is another thread; the request page lists one per supplier.
    const second = await open(buyer, { kind: 'rfq', id: rfq.id, supplierId: otherSupplier.user.id })
    expect(second.status).toBe(201)
    expect(second.body.id).not.toBe(threadId)
    const onRequest = await inbox(buyer, `?kind=rfq&subjectId=${rfq.id}`)
    expect(onRequest.body.items.map((thread) => thread.supplier.id).sort()).toEqual(
      [supplier.user.id, otherSupplier.user.id].sort(),
    )
    expect((await inbox(supplier, `?kind=rfq&subjectId=${rfq.id}`)).body.items.map((thread) => thread.id)).toEqual([threadId])
  })

  it('makes one thread when a buyer opens the same one twice at once', async () => {
    const listing = await market.publishListing(supplier)
    const asker = await market.register('buyer')
    const answers = await Promise.all([
      open(asker, { kind: 'listing', id: listing.id }),
      open(asker, { kind: 'listing', id: listing.id }),
    ])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 201])
    expect(answers[0]?.body.id).toBe(answers[1]?.body.id)
    expect((await inbox(asker)).body.items).toHaveLength(1)
    expect((await read(asker, answers[0]?.body.id as string)).body.items).toHaveLength(2)
    // A listing's questions are buyers' to ask.
    expect((await open(otherSupplier, { kind: 'listing', id: listing.id })).status).toBe(403)
  })
})

describe('unread counts', () => {
  it('count what the other party sent, per thread and in total (also in the navigation’s counts), until read; the recipient is notified', async () => {
    const seller = await market.verifiedSupplier('次仁')
    const listing: Listing = await market.publishListing(seller)
    const asker = await market.register('buyer', '央金')
    const asked = await open(asker, { kind: 'listing', id: listing.id }, '有现货吗？')
    await send<Message>(asker, `/api/threads/${asked.body.id}/messages`, 'POST', { text: '要 50 米' })

    const sellersInbox = await inbox(seller)
    expect(sellersInbox.body.unread).toBe(2)
    expect(sellersInbox.body.items).toEqual([expect.objectContaining({ id: asked.body.id, unread: 2, preview: '要 50 米' })])
    expect(await attention(seller)).toBe(2)
    expect((await inbox(asker)).body).toMatchObject({ unread: 0, items: [{ unread: 0 }] })
    const notified = await send<NotificationsResponse>(seller, '/api/notifications')
    expect(notified.body.items.filter((item) => item.type === 'thread.message')).toHaveLength(2)

    expect((await read(seller, asked.body.id)).status).toBe(200)
    expect((await inbox(seller)).body).toMatchObject({ unread: 0, items: [{ unread: 0 }] })
    expect(await attention(seller)).toBe(0)

    // Photos are the sender's own uploads, or the message is refused and nothing changes.
    const photo = (owner: string) => `photos/${owner}/${asked.body.id}.jpg`
    for (const photos of [[photo(asker.user.id)], [photo(seller.user.id)]])
      expect((await send(seller, `/api/threads/${asked.body.id}/messages`, 'POST', { text: '看图', photos })).status).toBe(400)
    await send(seller, `/api/threads/${asked.body.id}/messages`, 'POST', { text: '有，800 米' })
    expect((await inbox(asker)).body).toMatchObject({ unread: 1, items: [{ unread: 1, preview: '有，800 米' }] })
  })
})

describe('deleting a message', () => {
  it('is for its sender within 5 minutes; to anyone else the message is not there', async () => {
    const listing = await market.publishListing(supplier)
    const asker = await market.register('buyer')
    const thread = (await open(asker, { kind: 'listing', id: listing.id }, '第一条')).body
    const sent = (await send<Message>(asker, `/api/threads/${thread.id}/messages`, 'POST', { text: '发错了' })).body
    const path = `/api/threads/${thread.id}/messages/${sent.id}`

    expect((await send(supplier, path, 'DELETE')).status).toBe(404)
    expect((await send(otherBuyer, path, 'DELETE')).status).toBe(404)
    expect((await send(asker, path, 'DELETE')).status).toBe(204)
    expect((await send(asker, path, 'DELETE')).status).toBe(404)
    const [deleted] = (await read(supplier, thread.id)).body.items
    expect(deleted).toMatchObject({ id: sent.id, text: '', photos: [], deletedAt: expect.any(String) })
    expect((await inbox(supplier)).body.items.find((item) => item.id === thread.id)?.preview).toBe('')

    // A message sent six minutes ago stays.
    const old = (await send<Message>(asker, `/api/threads/${thread.id}/messages`, 'POST', { text: '六分钟前' })).body
    await market.db.send(
      new UpdateCommand({
        TableName: market.tableName,
        Key: keys.messageKey(thread.id, old.id),
        UpdateExpression: 'SET createdAt = :then',
        ExpressionAttributeValues: { ':then': new Date(Date.now() - 6 * 60_000).toISOString() },
      }),
    )
    const late = await send(asker, `/api/threads/${thread.id}/messages/${old.id}`, 'DELETE')
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'thread.delete_window_closed' } } })
  })
})

describe('an order’s thread', () => {
  it('is read by an administrator only while the order is in dispute, and never written by one', async () => {
    const listing = await market.publishListing(supplier)
    const orderBuyer = await market.register('buyer')
    const orderId = await deliveredOrder(market, orderBuyer, supplier, listing)
    const thread = (await open(orderBuyer, { kind: 'order', id: orderId }, '颜色不对')).body
    expect((await open(otherBuyer, { kind: 'order', id: orderId })).status).toBe(404)
    const byOrder = `?kind=order&subjectId=${orderId}`

    expect((await read(admin, thread.id)).status).toBe(404)
    expect((await inbox(admin, byOrder)).body.items).toEqual([])

    const disputed = await send(orderBuyer, `/api/orders/${orderId}/dispute`, 'POST', {
      reason: 'not_as_described',
      details: '颜色与图片不符',
    })
    expect(disputed.status).toBe(200)
    expect((await inbox(admin, byOrder)).body.items.map((item) => item.id)).toEqual([thread.id])
    expect((await read(admin, thread.id)).body.items.map((message) => message.text)).toEqual(['颜色不对'])
    expect((await send(admin, `/api/threads/${thread.id}/messages`, 'POST', { text: '管理员' })).status).toBe(403)
    // Reading as an administrator marks nothing read for the parties.
    expect((await inbox(supplier, byOrder)).body.items[0]?.unread).toBe(1)

    const resolved = await send(admin, `/api/admin/orders/${orderId}/resolve`, 'POST', { outcome: 'refund', note: '已线下退款' })
    expect(resolved.status).toBe(200)
    expect((await read(admin, thread.id)).status).toBe(404)
    expect((await read(supplier, thread.id)).status).toBe(200)
  })
})
