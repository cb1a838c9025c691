export * as Catalog from './catalog/index.ts'
export * from './errors.ts'
