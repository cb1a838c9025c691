export * from './stripe-gateway.ts'
