import { createHash, randomBytes } from 'node:crypto'
import { type PasswordResetConfirmInput, type PasswordResetRequestInput, passwordResetMinutes } from '@market/contracts'
import { DomainError } from '../errors.ts'
import type { AccountDeps } from './accounts.ts'
import { TooManyLoginAttemptsError } from './errors.ts'
import { hashPassword } from './passwords.ts'
import type { PasswordReset } from './ports.ts'

export const passwordResetMs = passwordResetMinutes * 60 * 1000
/** Reset e-mails one address may ask for per window: enough for a lost one, too few to flood an inbox. */
export const maxResetRequests = 3
const resetWindowMs = 15 * 60 * 1000

export class InvalidResetTokenError extends DomainError {
  constructor() {
    super('invalid', 'auth.reset_invalid', 'This reset link was used already or has expired; ask for a new one')
  }
}

/** 32 random bytes, URL-safe: what the e-mailed link carries. */
export const newResetToken = () => randomBytes(32).toString('base64url')
/** Only the hash is stored, so a read of the table cannot reset anyone's password. */
export const resetTokenHash = (token: string) => createHash('sha256').update(token).digest('hex')
export const resetUsable = (reset: Pick<PasswordReset, 'expiresAt'>, now: Date) => now.getTime() < reset.expiresAt.getTime()

/**
 * Answers the same whether or not the address has an account, so it reveals none; only an active
 * account gets the e-mail. Requests per address are limited like sign-in attempts (their own count).
 */
export const requestPasswordReset = async (deps: AccountDeps, input: PasswordResetRequestInput) => {
  const now = deps.clock.now()
  const attempt = await deps.accounts.reserveLoginAttempt(`reset:${input.email}`, now, {
    max: maxResetRequests,
    windowMs: resetWindowMs,
  })
  if (!attempt.allowed)
    throw new TooManyLoginAttemptsError(Math.max(1, Math.ceil((attempt.retryAt.getTime() - now.getTime()) / 1000)))
  const user = await deps.accounts.findUserByEmail(input.email)
  if (user?.status !== 'active') return
  const token = newResetToken()
  await deps.accounts.createPasswordReset(
    { tokenHash: resetTokenHash(token), userId: user.id, expiresAt: new Date(now.getTime() + passwordResetMs) },
    { id: deps.ids.next(), token, due: now },
  )
}

/** Sets the new password once per link, within its 30 minutes, and signs the account out everywhere. */
export const confirmPasswordReset = async (deps: AccountDeps, input: PasswordResetConfirmInput) => {
  const reset = await deps.accounts.findPasswordReset(resetTokenHash(input.token))
  const now = deps.clock.now()
  if (!reset || !resetUsable(reset, now)) throw new InvalidResetTokenError()
  if (!(await deps.accounts.completePasswordReset(reset, await hashPassword(input.password, deps.passwordCost), now)))
    throw new InvalidResetTokenError()
}
