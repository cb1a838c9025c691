import { Orders } from '@market/core'
import { describe, expect, it } from 'vitest'
import { anOrder } from '../../support/orders.ts'

const at = new Date('2026-03-01T09:30:00.000Z')

describe('the order lifecycle', () => {
  it('walks an order from payment to delivery, one version and one timeline entry a step', () => {
    const paid = Orders.advance(anOrder(), 'confirm_payment', at)
    const shipped = Orders.advance(paid, 'ship', at)
    const delivered = Orders.advance(shipped, 'receive', at, { deliveredAt: at.toISOString() })
    expect([paid.status, shipped.status, delivered.status]).toEqual(['paid', 'shipped', 'delivered'])
    expect(delivered.version).toBe(4)
    expect(delivered.deliveredAt).toBe(at.toISOString())
    expect(delivered.updatedAt).toBe(at.toISOString())
    expect(delivered.timeline.map((event) => `${event.by} ${event.event}`)).toEqual([
      'buyer placed',
      'supplier confirm_payment',
      'supplier ship',
      'buyer receive',
    ])
  })

  it('keeps a note on the timeline entry of the step', () => {
    const cancelled = Orders.advance(anOrder(), 'cancel', at, {}, '买错了')
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.timeline.at(-1)).toEqual({ at: at.toISOString(), by: 'buyer', event: 'cancel', note: '买错了' })
  })

  it('refuses a step the status does not allow, naming the status (409)', () => {
    const order = anOrder()
    expect(() => Orders.advance(order, 'ship', at)).toThrow(Orders.OrderStateError)
    try {
      Orders.advance(order, 'ship', at)
    } catch (error) {
      expect(error).toMatchObject({ kind: 'conflict', code: 'order.wrong_status', details: { status: 'pending_payment' } })
    }
    expect(order.status).toBe('pending_payment')
    expect(order.timeline).toHaveLength(1)
  })

  it('disputes only what was paid and not yet settled', () => {
    const disputable = (['pending_payment', 'paid', 'shipped', 'delivered', 'completed', 'cancelled'] as const).filter((status) =>
      Orders.canTake(anOrder({ status }), 'dispute'),
    )
    expect(disputable).toEqual(['paid', 'shipped', 'delivered'])
  })

  it('offers each party exactly its own next steps', () => {
    const unpaid = anOrder()
    expect(Orders.nextSteps(unpaid, 'buyer')).toEqual(['record_transfer', 'start_checkout', 'cancel'])
    expect(Orders.nextSteps(unpaid, 'supplier')).toEqual(['confirm_payment'])
    expect(Orders.nextSteps(unpaid, 'admin')).toEqual([])
    const shipped = anOrder({ status: 'shipped' })
    expect(Orders.nextSteps(shipped, 'buyer')).toEqual(['receive', 'dispute'])
    expect(Orders.nextSteps(shipped, 'supplier')).toEqual([])
    expect(Orders.nextSteps(anOrder({ status: 'disputed' }), 'admin')).toEqual(['resolve'])
    expect(Orders.nextSteps(anOrder({ status: 'completed' }), 'buyer')).toEqual([])
  })

  it('once a bank transfer is recorded, the buyer can neither cancel nor record another; the supplier confirms or declines', () => {
    const recorded = anOrder({
      payment: { transfer: { reference: 'ICBC 1', paidAt: at.toISOString(), recordedAt: at.toISOString() } },
    })
    expect(Orders.nextSteps(recorded, 'buyer')).toEqual([])
    expect(Orders.nextSteps(recorded, 'supplier')).toEqual(['confirm_payment', 'decline_transfer'])
    expect(Orders.nextSteps(recorded, 'admin')).toEqual([])
    expect(() => Orders.advance(recorded, 'cancel', at)).toThrow(
      expect.objectContaining({
        code: 'order.wrong_status',
        details: { status: 'pending_payment', stage: 'awaiting_confirmation' },
      }),
    )
    const declined = Orders.advance(recorded, 'decline_transfer', at, {}, '没有收到')
    expect(declined.status).toBe('cancelled')
    expect(declined.timeline.at(-1)).toMatchObject({ by: 'supplier', event: 'decline_transfer', note: '没有收到' })
    expect(Orders.nextSteps(anOrder(), 'supplier')).toEqual(['confirm_payment'])
  })

  it('hands an overdue transfer to administrators, and takes the flag off once the order is paid or cancelled', () => {
    const recorded = anOrder({
      payment: { transfer: { reference: 'ICBC 1', paidAt: at.toISOString(), recordedAt: at.toISOString() } },
    })
    const overdue = Orders.advance(recorded, 'flag_overdue', at, { flags: Orders.raiseFlag(recorded, 'transfer_overdue', at) })
    expect(Orders.stageOf(overdue)).toBe('transfer_overdue')
    expect(Orders.nextSteps(overdue, 'admin')).toEqual(['confirm_overdue', 'cancel_overdue'])
    expect(Orders.nextSteps(overdue, 'supplier')).toEqual(['confirm_payment', 'decline_transfer'])
    expect(() => Orders.advance(overdue, 'flag_overdue', at)).toThrow(Orders.OrderStateError)
    expect(Orders.advance(overdue, 'confirm_overdue', at).flags).toEqual([])
    expect(Orders.advance(overdue, 'decline_transfer', at).flags).toEqual([])
    expect(() => Orders.advance(recorded, 'confirm_overdue', at)).toThrow(Orders.OrderStateError)
  })

  it('lets an administrator acknowledge payment anomalies only where one is flagged', () => {
    const cancelled = anOrder({ status: 'cancelled' })
    expect(Orders.nextSteps(cancelled, 'admin')).toEqual([])
    const flagged = Orders.advance(cancelled, 'payment_anomaly', at, {
      flags: Orders.raiseFlag(cancelled, 'payment_anomaly', at),
    })
    expect(flagged.status).toBe('cancelled')
    expect(Orders.nextSteps(flagged, 'admin')).toEqual(['acknowledge'])
    expect(Orders.advance(flagged, 'acknowledge', at, { flags: Orders.settleFlag(flagged, 'payment_anomaly') }).status).toBe(
      'cancelled',
    )
  })

  it('never lets the scheduled job or Stripe steps appear as a party’s buttons', () => {
    const parties = ['buyer', 'supplier', 'admin'] as const
    const statuses = ['pending_payment', 'paid', 'shipped', 'delivered', 'disputed'] as const
    const offered = statuses.flatMap((status) => parties.flatMap((party) => Orders.nextSteps(anOrder({ status }), party)))
    expect(offered).not.toContain('expire')
    expect(offered).not.toContain('complete')
    expect(offered).not.toContain('stripe_paid')
    expect(offered).not.toContain('stripe_refunded')
    expect(offered).not.toContain('payment_anomaly')
    expect(offered).not.toContain('flag_overdue')
  })
})
