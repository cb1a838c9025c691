import { DomainError } from '../errors.ts'

export class EmailTakenError extends DomainError {
  constructor() {
    super('conflict', 'account.email_taken', 'An account with this email already exists')
  }
}

/** Deliberately the same for an unknown email and a wrong password. */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('unauthenticated', 'auth.invalid_credentials', 'Email or password is wrong')
  }
}

export class TooManyLoginAttemptsError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('rate_limited', 'auth.too_many_attempts', 'Too many failed sign-ins; try again later', undefined, retryAfterSeconds)
  }
}

export class NotSignedInError extends DomainError {
  constructor() {
    super('unauthenticated', 'auth.required', 'Sign in first')
  }
}

export class AccountSuspendedError extends DomainError {
  constructor() {
    super('forbidden', 'account.suspended', 'This account is suspended; it can read but not change anything')
  }
}

export class RoleNotAllowedError extends DomainError {
  constructor(roles: readonly string[]) {
    super('forbidden', 'auth.role_not_allowed', `Only for: ${roles.join(', ')}`)
  }
}

export class VerificationStateError extends DomainError {
  constructor(status: string) {
    super('conflict', 'verification.wrong_status', `The verification is ${status}`, { status })
  }
}

export class AccountStatusError extends DomainError {
  constructor(status: string) {
    super('conflict', 'account.wrong_status', `The account is already ${status}`, { status })
  }
}

export class NoBankAccountChangeError extends DomainError {
  constructor() {
    super('conflict', 'bank_account.no_change', 'No bank-account change is waiting for a decision')
  }
}

export class ForeignCollectionQrError extends DomainError {
  constructor() {
    super('invalid', 'bank_account.foreign_qr', 'The collection QR code must be an image you uploaded', [
      { path: ['collectionQr'], message: 'Not your upload' },
    ])
  }
}
