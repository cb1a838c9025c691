import type { Listing, Order } from '@market/contracts'
import type { TestMarket } from './market.ts'

type Party = { cookie: string }

export const fiveStars = { quality: 5, onTime: 5, accuracy: 5, communication: 5 }

/** An order of `listing` taken through the API to `delivered`: placed, paid by bank transfer, shipped, received. */
export const deliveredOrder = async (market: TestMarket, buyer: Party, supplier: Party, listing: Listing) => {
  const placed = await market.call<Order>('/api/orders', {
    method: 'POST',
    cookie: buyer.cookie,
    body: { listingId: listing.id, quantity: listing.moq, delivery: { method: 'pickup' } },
  })
  if (placed.status !== 201) throw new Error(`order refused: ${placed.status} ${JSON.stringify(placed.body)}`)
  const id = placed.body.id
  const steps: [Party, string, unknown?][] = [
    // Paid now: a transfer must fall within the order's life, so a fixed date would expire.
    [buyer, 'transfer', { reference: 'ICBC 1', paidAt: new Date().toISOString() }],
    [supplier, 'confirm-payment'],
    [supplier, 'ship', { carrier: '顺丰', trackingNumber: 'SF1' }],
    [buyer, 'receive'],
  ]
  for (const [who, step, body] of steps) {
    const answer = await market.call(`/api/orders/${id}/${step}`, {
      method: 'POST',
      cookie: who.cookie,
      ...(body ? { body } : {}),
    })
    if (answer.status !== 200) throw new Error(`${step} refused: ${answer.status} ${JSON.stringify(answer.body)}`)
  }
  return id
}

export const rate = (market: TestMarket, who: Party, orderId: string, body: Record<string, unknown> = fiveStars) =>
  market.call<Record<string, unknown> & { id: string; version: number; error?: { code: string } }>(
    `/api/orders/${orderId}/rating`,
    { method: 'POST', cookie: who.cookie, body },
  )
