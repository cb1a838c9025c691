import { Accounts, AuditSpanError, auditActor, auditEntry, auditName, auditSpan, userTarget } from '@market/core'
import { describe, expect, it } from 'vitest'

const admin = { id: 'A1', name: '卓玛', company: { name: '拉萨服装原辅料交易市场' } }
const supplier = { id: 'S1', name: '次仁', company: { name: '八廓街羊毛行' } }

describe('an audit entry', () => {
  it('names who acted and what on, as they are when it is written', () => {
    const entry = auditEntry({
      id: 'E1',
      at: new Date('2026-03-01T08:00:00Z'),
      actor: auditActor(admin),
      action: 'user.suspend',
      target: userTarget(supplier),
      reason: '滥发广告',
    })
    expect(entry).toEqual({
      id: 'E1',
      at: '2026-03-01T08:00:00.000Z',
      actorId: 'A1',
      actorName: '卓玛',
      action: 'user.suspend',
      targetType: 'user',
      targetId: 'S1',
      targetName: { zh: '次仁（八廓街羊毛行）' },
      reason: '滥发广告',
    })
  })

  it('keeps a target’s name in each language it has, and leaves out a reason not given', () => {
    const entry = auditEntry({
      id: 'E2',
      at: new Date('2026-03-01T08:00:00Z'),
      actor: auditActor(admin),
      action: 'listing.approved',
      target: { type: 'listing', id: 'L1', name: { zh: '牦牛绒', en: 'Yak down' } },
      reason: undefined,
    })
    expect(entry.targetName).toEqual({ zh: '牦牛绒', en: 'Yak down' })
    expect(entry).not.toHaveProperty('reason')
  })

  it('names a person by their company only when it differs from their name', () => {
    expect(auditName({ name: '拉姆', company: { name: '拉姆' } })).toBe('拉姆')
    expect(auditName({ name: '拉姆' })).toBe('拉姆')
  })
})

describe('the audit log’s time filter', () => {
  it('takes a day as the whole day in China Standard Time', () => {
    expect(auditSpan({ from: '2026-03-01', to: '2026-03-01' })).toEqual({
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-01T15:59:59.999Z',
    })
  })

  it('takes an instant as it is, and leaves a side open when not given', () => {
    expect(auditSpan({ from: '2026-03-01T10:00:00+08:00' })).toEqual({ from: '2026-03-01T02:00:00.000Z' })
    expect(auditSpan({})).toEqual({})
  })

  it('refuses a span that ends before it starts', () => {
    const deps = { accounts: { listAudit: async () => ({ items: [], nextCursor: null }) } } as never
    expect(() => Accounts.listAudit(deps, { from: '2026-03-02', to: '2026-03-01', limit: 25 })).toThrow(AuditSpanError)
  })
})
