import { DomainError } from '../errors.ts'

export class RfqStateError extends DomainError {
  constructor(status: string, action: string) {
    super('conflict', 'rfq.wrong_status', `A request that is ${status} cannot be ${action}`, { status })
  }
}

export class BiddingClosedError extends DomainError {
  constructor() {
    super('conflict', 'rfq.bidding_closed', 'The deadline for bids has passed')
  }
}

export class BidStateError extends DomainError {
  constructor(status: string) {
    super('conflict', 'bid.wrong_status', `The bid is ${status}`, { status })
  }
}

export class BidExpiredError extends DomainError {
  constructor(bidId: string) {
    super('conflict', 'bid.expired', 'A bid is no longer valid (its validity date has passed)', { bidId })
  }
}

export class AwardError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('unprocessable', 'rfq.bad_award', message, details)
  }
}

export class UnitMismatchError extends DomainError {
  constructor() {
    super(
      'invalid',
      'bid.unit_mismatch',
      'Quote in the request’s unit or another unit of the same measure (bolts need metres per bolt)',
      [{ path: ['unit'], message: 'Not comparable with the request’s unit' }],
    )
  }
}

/** A quote whose price per unit of the request rounds to 0 fen: the price, or the metres per bolt, must change. */
export class PriceBelowOneFenError extends DomainError {
  constructor(perBolt: boolean) {
    const message = 'The price comes to less than one fen per unit of the request'
    super('invalid', 'request.invalid', message, [
      { path: ['unitPriceFen'], message },
      ...(perBolt ? [{ path: ['metresPerBolt'], message }] : []),
    ])
  }
}

export class TooManyBidsError extends DomainError {
  constructor() {
    super('conflict', 'rfq.full', 'This request has as many bids as it can take')
  }
}

/** A schedule that does not fit: the field is named so the form can show it. */
export const scheduleProblem = (field: string, message: string) =>
  new DomainError('invalid', 'request.invalid', message, [{ path: [field], message }])
