import { DomainError } from '../errors.ts'

export class StaleVersionError extends DomainError {
  constructor(current: number) {
    super('stale', 'listing.stale_version', 'The listing changed since you loaded it; reload and try again', { version: current })
  }
}

export class ListingStatusError extends DomainError {
  constructor(status: string, action: string) {
    super('conflict', 'listing.wrong_status', `A ${status} listing cannot be ${action}`, { status })
  }
}

export class NotOwnerError extends DomainError {
  constructor() {
    super('forbidden', 'listing.not_owner', 'This listing belongs to another supplier')
  }
}

export class SupplierNotVerifiedError extends DomainError {
  constructor(status: string) {
    super(
      'forbidden',
      'supplier.not_verified',
      'Only verified suppliers can publish listings: ask for verification on your account page first',
      { verification: status },
    )
  }
}

/** A retired category takes no new listings or purchase requests (those already filed stay). */
export class CategoryRetiredError extends DomainError {
  constructor(categoryId: string) {
    super('invalid', 'category.retired', `Category ${categoryId} is retired`, [
      { path: ['categoryId'], message: 'This category is retired' },
    ])
  }
}

export class UnknownCategoryError extends DomainError {
  constructor(categoryId: string) {
    super('invalid', 'listing.unknown_category', `No category ${categoryId}`, [
      { path: ['categoryId'], message: 'Unknown category' },
    ])
  }
}

export class ForeignPhotoError extends DomainError {
  constructor() {
    super('invalid', 'listing.foreign_photo', 'Photos must be ones you uploaded', [
      { path: ['photos'], message: 'Not your upload' },
    ])
  }
}

export class PhotoContentError extends DomainError {
  constructor(problems: { path: (string | number)[]; message: string }[]) {
    super(
      'invalid',
      'photo.not_image',
      'A photo was not uploaded, or is not the JPEG, PNG or WebP image it was announced as',
      problems,
    )
  }
}

export class NoOpenReportsError extends DomainError {
  constructor() {
    super('conflict', 'listing.no_open_reports', 'This listing has no open reports')
  }
}

export class OwnListingReportError extends DomainError {
  constructor() {
    super('forbidden', 'listing.own_report', 'A supplier cannot report its own listing')
  }
}

export class DuplicateItemNumberError extends DomainError {
  constructor(itemNumber: string) {
    super('conflict', 'listing.duplicate_item_number', `Another of your listings has item number ${itemNumber}`, [
      { path: ['itemNumber'], message: 'Already used by another of your listings' },
    ])
  }
}
