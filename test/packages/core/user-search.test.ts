import { Accounts } from '@market/core'
import { describe, expect, it } from 'vitest'

const account = {
  email: 'Dawa@Highland-Wool.example',
  company: { name: 'Highland Wool 拉萨毛纺厂', phone: '+86 139-8901-5678' },
}

/** What the index does: a query finds an account when one of its probes starts one of the account's terms. */
const finds = (query: string) => {
  const terms = Accounts.userSearchTerms(account)
  return Accounts.userSearchProbes(query).some((probe) => terms.some((term) => term.startsWith(probe)))
}

describe('user search terms', () => {
  it.each([
    ['the start of the email, in any case', 'DAWA@high'],
    ['the first word of the company', 'highland'],
    ['a later word of the company', 'wool'],
    ['any part of a Chinese name', '毛纺'],
    ['the national number, as dialled', '139 8901'],
    ['the number with its country code', '+86 139'],
    ['the last digits of the phone', '5678'],
  ])('finds an account by %s', (_how, query) => {
    expect(finds(query)).toBe(true)
  })

  it.each([
    ['the middle of a Latin word', 'ool'],
    ['the middle of the email', 'highland-wool.example'],
    ['digits in the middle of the phone', '8901'],
  ])('does not find it by %s', (_how, query) => {
    expect(finds(query)).toBe(false)
  })

  it('keeps an account to a bounded number of terms however long its company name', () => {
    const terms = Accounts.userSearchTerms({ email: 'a@b.example', company: { name: '拉'.repeat(120) } })
    expect(terms.length).toBeLessThanOrEqual(32)
    expect(Math.max(...terms.map((term) => term.length))).toBeLessThanOrEqual(40)
  })
})
