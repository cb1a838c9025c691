import type { User } from '@market/contracts'

/**
 * The terms an administrator finds an account by, written as index items with the account: a
 * query matches the start of a term. Chinese and Tibetan names have no spaces between words, so
 * every character of them starts a term; a Latin name's words each start one. A phone is found by
 * its start, and by its last digits through its reversed digits (`~` + reversed).
 */
const normalize = (text: string) => text.normalize('NFKC').trim().toLowerCase()
const isWordChar = (char: string) => /[a-z0-9]/.test(char)
/** How many terms a company name gives at most, and how long each is: the index stays a few dozen items an account. */
const maxNameTerms = 30
const maxTermLength = 40

const reversed = (text: string) => [...text].reverse().join('')
const tailTerm = (digits: string) => `~${reversed(digits)}`

const nameTerms = (name: string) => {
  const chars = [...normalize(name)]
  const starts = chars.flatMap((char, index) => {
    if (/\s/.test(char)) return []
    const previous = chars[index - 1]
    const startsWord = previous === undefined || !isWordChar(previous) || !isWordChar(char)
    return startsWord ? [chars.slice(index, index + maxTermLength).join('')] : []
  })
  return starts.slice(0, maxNameTerms)
}

const phoneTerms = (phone: string | undefined) => {
  const digits = phone?.replace(/\D/g, '') ?? ''
  if (digits.length === 0) return []
  // +86 is how mainland numbers are often written; people search them without it.
  const national = digits.startsWith('86') && digits.length > 11 ? [digits.slice(2)] : []
  return [digits, ...national, tailTerm(digits)]
}

export const userSearchTerms = (user: Pick<User, 'email' | 'company'>): string[] => [
  ...new Set([normalize(user.email), ...nameTerms(user.company.name), ...phoneTerms(user.company.phone)]),
]

/** The term prefixes a query reads: as typed, and, for a number, its digits and its last digits. */
export const userSearchProbes = (query: string): string[] => {
  const typed = normalize(query)
  const digits = typed.replace(/[\s\-+()]/g, '')
  const numeric = /^\d{3,}$/.test(digits) ? [digits, tailTerm(digits)] : []
  return [...new Set([typed, ...numeric])]
}
