export * from './accounts.ts'
export * from './errors.ts'
export * from './passwords.ts'
export * from './ports.ts'
