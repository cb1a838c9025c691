import type { CertificationStatus } from '@market/contracts'
import { DomainError } from '../errors.ts'

export class CertificationStateError extends DomainError {
  constructor(status: CertificationStatus | 'changed', wanted: string) {
    super('conflict', 'certification.state', `The certification is ${status}: it cannot be ${wanted}`, { status })
  }
}

/** A certificate past its expiry day is neither requested nor approved. */
export class ExpiredCertificateError extends DomainError {
  constructor() {
    super('unprocessable', 'certification.expired', 'The certificate has expired', [
      { path: ['expiresOn'], message: 'Already past' },
    ])
  }
}

export class ForeignDocumentError extends DomainError {
  constructor() {
    super('invalid', 'certification.foreign_document', 'The certificate’s photo must be an image you uploaded', [
      { path: ['document'], message: 'Not your upload' },
    ])
  }
}
