export * from './errors.ts'
export * from './ports.ts'
export * from './rules.ts'
export * from './threads.ts'
