import { Accounts, Mail } from '@market/core'
import { describe, expect, it } from 'vitest'

const minute = 60 * 1000

describe('retrying e-mail', () => {
  it('waits a minute after the first failure, doubling each time, never more than 12 hours', () => {
    expect([1, 2, 3, 4, 5].map((failed) => Mail.retryDelayMs(failed) / minute)).toEqual([1, 2, 4, 8, 16])
    expect(Mail.retryDelayMs(30)).toBe(12 * 60 * minute)
    const total = Array.from({ length: Mail.maxMailAttempts - 1 }, (_, index) => Mail.retryDelayMs(index + 1)).reduce(
      (sum, delay) => sum + delay,
    )
    // Given up on only after more than a day of tries.
    expect(total).toBeGreaterThan(24 * 60 * minute)
  })
})

describe('who gets a notification by e-mail', () => {
  it('only a user who opted into its kind, while their address takes mail', () => {
    expect(Mail.notificationKind('order.paid')).toBe('order')
    expect(Mail.notificationKind('bank_account.approved')).toBe('account')
    expect(Mail.notificationKind('verification.rejected')).toBe('account')
    expect(Mail.notificationKind('unknown.thing')).toBeUndefined()
    expect(Mail.wantsMail({ mailKinds: ['order'] }, 'order.shipped')).toBe(true)
    expect(Mail.wantsMail({ mailKinds: ['order'] }, 'rfq.invited')).toBe(false)
    expect(Mail.wantsMail({}, 'order.shipped')).toBe(false)
    expect(Mail.wantsMail({ mailKinds: ['order'], mailUndeliverable: true }, 'order.shipped')).toBe(false)
  })

  it('reads permanent bounces and complaints from SES, not transient bounces', () => {
    const bounce = (bounceType: string) => ({
      eventType: 'Bounce',
      bounce: { bounceType, bouncedRecipients: [{ emailAddress: 'Tashi@Example.com' }] },
    })
    expect(Mail.undeliverableAddresses(bounce('Permanent'))).toEqual(['tashi@example.com'])
    expect(Mail.undeliverableAddresses(bounce('Transient'))).toEqual([])
    expect(
      Mail.undeliverableAddresses({
        notificationType: 'Complaint',
        complaint: { complainedRecipients: [{ emailAddress: 'a@b.cn' }] },
      }),
    ).toEqual(['a@b.cn'])
    expect(Mail.undeliverableAddresses({ eventType: 'Delivery' })).toEqual([])
  })
})

describe('password-reset links', () => {
  it('are 43 URL-safe characters, stored only as a hash', () => {
    const token = Accounts.newResetToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Accounts.resetTokenHash(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(Accounts.resetTokenHash(token)).not.toContain(token)
    expect(Accounts.newResetToken()).not.toBe(token)
  })

  it('work for 30 minutes and not a moment longer', () => {
    const issued = new Date('2026-12-02T08:00:00Z')
    const reset = { expiresAt: new Date(issued.getTime() + Accounts.passwordResetMs) }
    expect(Accounts.passwordResetMs).toBe(30 * minute)
    expect(Accounts.resetUsable(reset, new Date(issued.getTime() + 29 * minute))).toBe(true)
    expect(Accounts.resetUsable(reset, reset.expiresAt)).toBe(false)
    expect(Accounts.resetUsable(reset, new Date(issued.getTime() + 31 * minute))).toBe(false)
  })
})
