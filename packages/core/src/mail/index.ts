export * from './bounces.ts'
export * from './mail.ts'
