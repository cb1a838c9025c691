import { DomainError } from '../errors.ts'

export class RatingExistsError extends DomainError {
  constructor() {
    super('conflict', 'rating.exists', 'This order has been rated')
  }
}

export class RatingStaleError extends DomainError {
  constructor(current: number) {
    super('stale', 'rating.stale_version', 'The rating changed since you loaded it; reload and try again', { version: current })
  }
}

export class EditWindowClosedError extends DomainError {
  constructor(days: number) {
    super('unprocessable', 'rating.edit_window_closed', `A rating can be edited within ${days} days of writing it`, { days })
  }
}

export class ReplyExistsError extends DomainError {
  constructor() {
    super('conflict', 'rating.reply_exists', 'The supplier has replied to this rating')
  }
}

export class AlreadyReportedError extends DomainError {
  constructor() {
    super('conflict', 'rating.already_reported', 'You have reported this rating')
  }
}

export class RatingStateError extends DomainError {
  constructor(status: string, action: string) {
    super('conflict', 'rating.wrong_status', `A ${status} rating cannot be ${action}`, { status })
  }
}

export class NotRatingPartyError extends DomainError {
  constructor(role: 'buyer' | 'supplier') {
    super('forbidden', 'rating.not_yours', `Only the rating’s ${role} can do this`, { role })
  }
}
