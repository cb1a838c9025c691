/** Time and ids come in as ports so domain rules stay pure and tests can fix them. */
export interface Clock {
  now(): Date
}
export interface IdGenerator {
  next(): string
}
