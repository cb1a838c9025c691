import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

export type PasswordCost = { N: number; r: number; p: number }

/** scrypt parameters (N=2^15, r=8, p=1: ~32 MB, tens of ms) are stored with each hash so they can be raised later. */
export const passwordCost: PasswordCost = { N: 32768, r: 8, p: 1 }
const maxmem = 64 * 1024 * 1024
const keyLength = 32

const derive = (password: string, salt: Buffer, params: PasswordCost) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )

/** `cost`: the market's own unless a test lowers it (each hash names its cost, so any hash verifies). */
export const hashPassword = async (password: string, cost: PasswordCost = passwordCost): Promise<string> => {
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, N, r, p, salt, expected] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !expected) return false
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) })
  const expectedKey = Buffer.from(expected, 'base64')
  return key.length === expectedKey.length && timingSafeEqual(key, expectedKey)
}

/** Compared against when the email is unknown, so a miss takes as long as a wrong password (at the same cost). */
export const unknownUserHash = (cost: PasswordCost = passwordCost) =>
  `scrypt$${cost.N}$${cost.r}$${cost.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(keyLength).toString('base64')}`
