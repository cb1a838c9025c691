import { Accounts } from '@market/core'
import { describe, expect, it } from 'vitest'

describe('password hashes', () => {
  it('are made at the market’s own scrypt cost unless one is given, and name it', async () => {
    const hash = await Accounts.hashPassword('扎西德勒-2024')
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(await Accounts.verifyPassword('扎西德勒-2024', hash)).toBe(true)
    expect(await Accounts.verifyPassword('扎西德勒-2025', hash)).toBe(false)
  })

  it('verify at the cost they name, so hashes made at a lower cost still sign in', async () => {
    const hash = await Accounts.hashPassword('扎西德勒-2024', { N: 1024, r: 8, p: 1 })
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/)
    expect(await Accounts.verifyPassword('扎西德勒-2024', hash)).toBe(true)
    expect(await Accounts.verifyPassword('扎西德勒-2025', hash)).toBe(false)
  })

  it('stand in for an unknown address with one no password matches, at the same cost', async () => {
    expect(Accounts.unknownUserHash()).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(Accounts.unknownUserHash({ N: 1024, r: 8, p: 1 })).toMatch(/^scrypt\$1024\$8\$1\$/)
    expect(await Accounts.verifyPassword('', Accounts.unknownUserHash({ N: 1024, r: 8, p: 1 }))).toBe(false)
  })
})
