export * from './errors.ts'
export * from './ports.ts'
export * from './rfqs.ts'
export * from './scoring.ts'
