import { Accounts } from '@market/core'
import { describe, expect, it } from 'vitest'

const deps = { clock: { now: () => new Date('2026-12-01T08:00:00Z') }, ids: { next: () => 'user-1' } }
const input = { email: 'buyer@example.cn', name: '扎西', role: 'buyer' as const, company: { name: '拉萨毛纺厂' } }

describe('preparing a user', () => {
  it('hashes the password, salted, so the user signs in with it', async () => {
    const [first, second] = await Promise.all([
      Accounts.prepareUser(deps, { ...input, password: 'correct horse 2026' }),
      Accounts.prepareUser(deps, { ...input, password: 'correct horse 2026' }),
    ])
    expect(first.passwordHash).not.toBe(second.passwordHash)
    expect(await Accounts.verifyPassword('correct horse 2026', first.passwordHash)).toBe(true)
    expect(await Accounts.verifyPassword('wrong horse 2026', first.passwordHash)).toBe(false)
  })

  it('takes a hash made once for users who share a password (the bench’s), and they sign in with it', async () => {
    const passwordHash = await Accounts.hashPassword('bench-password-2026')
    const user = await Accounts.prepareUser(deps, { ...input, passwordHash })
    expect(user.passwordHash).toBe(passwordHash)
    expect(user).not.toHaveProperty('password')
    expect(await Accounts.verifyPassword('bench-password-2026', user.passwordHash)).toBe(true)
  })
})
