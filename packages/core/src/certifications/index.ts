export * from './certifications.ts'
export * from './errors.ts'
export * from './ports.ts'
export * from './rules.ts'
