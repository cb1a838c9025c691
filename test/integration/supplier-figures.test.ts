import { type Accounts, Orders, Ratings, Rfqs } from '@market/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'

/**
 * The objective figures on a fixture whose answers are worked out by hand: the market's own rules
 * run on a clock the test moves, against the real table.
 */
const hour = 3600 * 1000
const day = 24 * hour
const start = Date.parse('2026-03-02T02:00:00Z') // 10:00 in Lhasa

let market: TestMarket
let now = start
let deps: Omit<ReturnType<typeof buildDeps>, 'payments'> & { payments: null }
let supplier: Accounts.StoredUser
let rival: Accounts.StoredUser
let buyer: Accounts.StoredUser
let admin: Accounts.StoredUser
let listingId: string

const user = async (id: string) => (await deps.accounts.findUserById(id)) as Accounts.StoredUser
const at = (time: number) => {
  now = time
}

beforeAll(async () => {
  market = await startTestMarket('supplier-figures')
  const built = buildDeps(testMarketConfig(market.tableName), () => {})
  deps = { ...built, payments: null, clock: { now: () => new Date(now) } }
  const supplierAccount = await market.verifiedSupplier('次仁')
  const rivalAccount = await market.verifiedSupplier('多吉')
  // A lead time of 3 days: an order paid at p must ship by p + 3 days.
  listingId = (await market.publishListing(supplierAccount, { leadTimeDays: 3, stock: 1000 })).id
  await market.publishListing(rivalAccount)
  const buyerAccount = await market.register('buyer')
  supplier = await user(supplierAccount.user.id)
  rival = await user(rivalAccount.user.id)
  buyer = await user(buyerAccount.user.id)
  admin = await user((await market.signInAdmin()).user.id)
})

/** A listing order, paid `paidAfter` after it was placed at `placedAt`. */
const paidOrder = async (placedAt: number, paidAfter: number) => {
  at(placedAt)
  const order = await Orders.placeOrder(deps, buyer, { listingId, quantity: 5, delivery: { method: 'pickup' } })
  await Orders.recordTransfer(deps, buyer, order.id, { reference: 'ICBC', paidAt: new Date(placedAt).toISOString() })
  at(placedAt + paidAfter)
  const paid = await Orders.confirmPayment(deps, supplier, order.id)
  return paid
}

const ship = async (orderId: string, time: number) => {
  at(time)
  return Orders.shipOrder(deps, supplier, orderId, { carrier: '顺丰', trackingNumber: 'SF1' })
}

describe('a supplier’s figures', () => {
  it('count shipments by the ship-by date each order fixed when it was paid, for listing and awarded orders alike', async () => {
    // Paid an hour after placing: ship-by is 3 days after payment.
    const early = await paidOrder(start, hour)
    expect(early.shipBy).toBe(new Date(start + hour + 3 * day).toISOString())
    await ship(early.id, start + 2 * day) // on time
    const late = await paidOrder(start, hour)
    await ship(late.id, start + hour + 3 * day + 60_000) // a minute late
    const exact = await paidOrder(start, hour)
    await ship(exact.id, start + hour + 3 * day) // at the ship-by itself: on time

    // An awarded request: the ship-by is the end of the day the buyer needed the goods by, in Lhasa.
    at(start)
    const rfq = await Rfqs.postRfq(deps, buyer, {
      title: '牦牛绒面料 50 米',
      categoryId: 'yak-down',
      specs: '深棕',
      quantity: 50,
      unit: 'm',
      neededBy: '2026-03-20',
      deliveryPlace: '拉萨',
      bidDeadline: new Date(start + 2 * day).toISOString(),
      photos: [],
      sealedUntilDeadline: false,
    })
    at(start + 2 * hour)
    const bid = await Rfqs.placeBid(deps, supplier, rfq.id, {
      unitPriceFen: 18000,
      quantity: 50,
      leadTimeDays: 5,
      validUntil: '2026-03-30',
    })
    at(start + 3 * day)
    const award = await Rfqs.awardRfq(deps, buyer, rfq.id, { awards: [{ bidId: bid.id, quantity: 50 }] })
    const awardedId = award.orderIds[0] as string
    await Orders.recordTransfer(deps, buyer, awardedId, { reference: 'ICBC', paidAt: '2026-03-05' })
    const paid = await Orders.confirmPayment(deps, supplier, awardedId)
    expect(paid.shipBy).toBe('2026-03-20T15:59:59.999Z')
    await ship(awardedId, Date.parse('2026-03-20T12:00:00Z')) // 20:00 in Lhasa on the day: on time

    const { figures } = await Ratings.supplierProfile(deps, supplier.id)
    expect(figures).toMatchObject({ shipped: 4, shippedOnTime: 3, onTimeRate: 0.75 })
  })

  it('take the median response time over the supplier’s first bid on each request, never revisions or others’ bids', async () => {
    const post = async (postedAt: number) => {
      at(postedAt)
      return Rfqs.postRfq(deps, buyer, {
        title: '羊毛纱线',
        categoryId: 'yak-down',
        specs: '本白',
        quantity: 10,
        unit: 'm',
        neededBy: '2026-06-30',
        deliveryPlace: '拉萨',
        bidDeadline: new Date(postedAt + 10 * day).toISOString(),
        photos: [],
        sealedUntilDeadline: false,
      })
    }
    const bid = (who: Accounts.StoredUser, rfqId: string, time: number, unitPriceFen = 15000) => {
      at(time)
      return Rfqs.placeBid(deps, who, rfqId, { unitPriceFen, quantity: 10, leadTimeDays: 3, validUntil: '2026-06-30' })
    }
    const base = start + 30 * day
    const [a, b, c] = [await post(base), await post(base + day), await post(base + 2 * day)]
    await bid(rival, a.id, base + 5 * 60_000) // another supplier's: not this one's figure
    await bid(supplier, a.id, base + 30 * 60_000) // 30 minutes
    await bid(supplier, a.id, base + 300 * 60_000, 14000) // a revision: not a response
    await bid(supplier, b.id, base + day + 600 * 60_000) // 600 minutes
    await bid(supplier, c.id, base + 2 * day + 90 * 60_000) // 90 minutes
    await Rfqs.withdrawBid(deps, supplier, c.id)
    await bid(supplier, c.id, base + 2 * day + 100 * 60_000) // again after withdrawing: still not a first bid
    // The fixture's first test answered its request 2 hours after posting: 120 minutes.
    const { figures } = await Ratings.supplierProfile(deps, supplier.id)
    expect(figures.responseSample).toBe(4)
    expect(figures.medianResponseMinutes).toBe(105) // of 30, 90, 120, 600: (90 + 120) / 2
    const rivalPage = await Ratings.supplierProfile(deps, rival.id)
    expect(rivalPage.figures).toMatchObject({ responseSample: 1, medianResponseMinutes: 5 })
  })

  it('count completions, settled disputes and those lost, and active listings', async () => {
    const completing = await paidOrder(start + 40 * day, hour)
    await ship(completing.id, start + 40 * day + 2 * hour)
    await Orders.receiveOrder(deps, buyer, completing.id)
    const disputed = await paidOrder(start + 40 * day, hour)
    await ship(disputed.id, start + 40 * day + 2 * hour)
    await Orders.openDispute(deps, buyer, disputed.id, { reason: 'damaged', details: '受潮' })
    await Orders.resolveDispute(deps, admin, disputed.id, { outcome: 'refund', note: '退款' })
    at(start + 50 * day)
    await Orders.runOrderJobs(deps)
    const { figures } = await Ratings.supplierProfile(deps, supplier.id)
    expect(figures).toMatchObject({ completed: 1, disputesLost: 1, completionRate: 0.5, activeListings: 1 })
  })
})
