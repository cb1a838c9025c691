import { Threads } from '@market/core'
import { describe, expect, it } from 'vitest'

const thread = (kind: 'rfq' | 'listing' | 'order') => ({
  subject: { kind, id: 'S' },
  buyer: { id: 'B', company: '买家' },
  supplier: { id: 'P', company: '卖家' },
})

describe('who may read a thread', () => {
  it('is its buyer and its supplier, and nobody else of any role', () => {
    expect(Threads.accessOf(thread('rfq'), { id: 'B', role: 'buyer' })).toBe('party')
    expect(Threads.accessOf(thread('rfq'), { id: 'P', role: 'supplier' })).toBe('party')
    expect(Threads.accessOf(thread('rfq'), { id: 'P2', role: 'supplier' })).toBe('none')
    expect(Threads.accessOf(thread('rfq'), { id: 'B2', role: 'buyer' })).toBe('none')
    expect(Threads.accessOf(thread('listing'), { id: 'A', role: 'admin' }, 'disputed')).toBe('none')
  })

  it('adds an administrator as a reader of an order’s thread only while the order is disputed', () => {
    expect(Threads.accessOf(thread('order'), { id: 'A', role: 'admin' }, 'disputed')).toBe('reader')
    for (const status of ['delivered', 'resolved', 'completed'] as const)
      expect(Threads.accessOf(thread('order'), { id: 'A', role: 'admin' }, status)).toBe('none')
  })
})

describe('deleting a message', () => {
  const sentAt = new Date('2026-12-01T08:00:00Z')
  const message = { senderId: 'B', createdAt: sentAt.toISOString() }
  const later = (ms: number) => new Date(sentAt.getTime() + ms)

  it('is open to its sender for 5 minutes, to the millisecond', () => {
    expect(Threads.deletion(message, 'B', later(0))).toBe('allowed')
    expect(Threads.deletion(message, 'B', later(5 * 60_000))).toBe('allowed')
    expect(Threads.deletion(message, 'B', later(5 * 60_000 + 1))).toBe('closed')
    expect(Threads.deletableSince(later(5 * 60_000))).toBe(sentAt.toISOString())
  })

  it('is not there for anyone else, nor once deleted', () => {
    expect(Threads.deletion(message, 'P', later(1000))).toBe('gone')
    expect(Threads.deletion({ ...message, deletedAt: later(500).toISOString() }, 'B', later(1000))).toBe('gone')
  })
})

describe('a thread’s id', () => {
  it('is the same for the same subject and pair, different for another supplier, and shaped like an id', () => {
    const id = Threads.threadIdOf('rfq', 'R1', 'B', 'P')
    expect(Threads.threadIdOf('rfq', 'R1', 'B', 'P')).toBe(id)
    expect(Threads.threadIdOf('rfq', 'R1', 'B', 'P2')).not.toBe(id)
    expect(Threads.threadIdOf('listing', 'R1', 'B', 'P')).not.toBe(id)
    expect(id).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/)
  })
})
