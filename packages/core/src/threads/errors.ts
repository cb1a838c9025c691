import { DomainError } from '../errors.ts'

export class ThreadReadOnlyError extends DomainError {
  constructor() {
    super('forbidden', 'thread.read_only', 'Administrators read a disputed order’s thread; only its parties write in it')
  }
}

export class DeleteWindowClosedError extends DomainError {
  constructor(minutes: number) {
    super('conflict', 'thread.delete_window_closed', `A message can be deleted within ${minutes} minutes of sending it`, {
      minutes,
    })
  }
}

export class BuyersAskError extends DomainError {
  constructor() {
    super('forbidden', 'thread.buyers_ask', 'Buyers ask a supplier about its listing')
  }
}

/** A buyer opening a thread on its own request names the supplier it asks. */
export const supplierRequired = () =>
  new DomainError('invalid', 'request.invalid', 'Name the supplier to ask', [
    { path: ['subject', 'supplierId'], message: 'Name the supplier to ask' },
  ])
