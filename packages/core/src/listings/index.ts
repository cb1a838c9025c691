export * from './errors.ts'
export * from './listings.ts'
export * from './ports.ts'
export * from './rules.ts'
