import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  createAccountRepository,
  createAttentionRepository,
  createCategoryRepository,
  createCertificationRepository,
  createCertifiedRegistry,
  createCursorCodec,
  createDocumentClient,
  createHealthRepository,
  createIdempotencyRepository,
  createListingImportRepository,
  createListingRepository,
  createMailQueueRepository,
  createMetricsRepository,
  createNotificationRepository,
  createOrderRepository,
  createRatingRepository,
  createRfqRepository,
  createSupplierRepository,
  createThreadRepository,
  onEveryDynamoCall,
} from '@market/data'
import { monotonicFactory } from 'ulid'
import type { MarketConfig } from './config.ts'
import { createSecretSource } from './secrets.ts'

/**
 * What the repositories are built from: one DynamoDB client, the table, the app's secrets and the
 * cursor codec. `onDynamoCall` hears every request sent to DynamoDB; `requestScope` names the API
 * request being served, which pagination cursors are bound to.
 */
export const storeContext = (
  config: Pick<MarketConfig, 'tableName' | 'dynamodb' | 'secrets'>,
  { onDynamoCall, requestScope }: { onDynamoCall?: (itemsRead: number) => void; requestScope?: () => string } = {},
) => {
  const db = createDocumentClient(new DynamoDBClient(config.dynamodb))
  if (onDynamoCall) onEveryDynamoCall(db, onDynamoCall)
  const secrets = createSecretSource(config.secrets)
  const sessionSecret = async () => (await secrets()).SESSION_SECRET
  return { db, table: config.tableName, secrets, sessionSecret, cursors: createCursorCodec(sessionSecret, requestScope) }
}

export type StoreContext = ReturnType<typeof storeContext>

// Each port by the name the domain rules know it by, one builder apiece: a Lambda entry imports the
// ones its group's app takes, so its bundle carries no other repository's code.
export const clock = () => ({ now: () => new Date() })
export const ids = () => {
  const nextId = monotonicFactory()
  return { next: () => nextId() }
}
export const categories = ({ db, table }: StoreContext) => createCategoryRepository(db, table)
export const accounts = ({ db, table, cursors }: StoreContext) => createAccountRepository(db, table, cursors)
export const listings = ({ db, table, cursors }: StoreContext) => createListingRepository(db, table, cursors)
export const listingImports = ({ db, table }: StoreContext) => createListingImportRepository(db, table)
export const notifications = ({ db, table }: StoreContext) => createNotificationRepository(db, table)
export const orders = ({ db, table, cursors }: StoreContext) => createOrderRepository(db, table, cursors)
export const rfqs = ({ db, table, cursors }: StoreContext) => createRfqRepository(db, table, cursors)
export const metrics = ({ db, table }: StoreContext) => createMetricsRepository(db, table)
export const ratings = ({ db, table, cursors }: StoreContext) => createRatingRepository(db, table, cursors)
export const attention = ({ db, table }: StoreContext) => createAttentionRepository(db, table)
export const suppliers = ({ db, table }: StoreContext) => createSupplierRepository(db, table)
export const certifications = ({ db, table, cursors }: StoreContext) => createCertificationRepository(db, table, cursors)
export const registry = ({ db, table }: StoreContext) => createCertifiedRegistry(db, table)
export const threads = ({ db, table, cursors }: StoreContext) => createThreadRepository(db, table, cursors)
export const mailQueue = ({ db, table }: StoreContext) => createMailQueueRepository(db, table)
export const health = ({ db, table }: StoreContext) => createHealthRepository(db, table)
export const idempotency = ({ db, table }: StoreContext) => createIdempotencyRepository(db, table)

/** Each builder's port, built once over one context. */
export const buildPorts = <Builders extends Record<string, (stores: StoreContext) => unknown>>(
  builders: Builders,
  stores: StoreContext,
) =>
  Object.fromEntries(Object.entries(builders).map(([name, build]) => [name, build(stores)])) as {
    [Name in keyof Builders]: ReturnType<Builders[Name]>
  }

/** Every repository, with the clock and ids: what the scheduled jobs, the mail worker and `npm start` use. */
const everyStore = {
  clock,
  ids,
  categories,
  accounts,
  listings,
  listingImports,
  notifications,
  orders,
  rfqs,
  metrics,
  ratings,
  attention,
  suppliers,
  certifications,
  registry,
  threads,
  mailQueue,
}

/** The table's repositories over one DynamoDB client, with the clock, ids and secrets they need. */
export const buildStores = (config: Parameters<typeof storeContext>[0], hooks?: Parameters<typeof storeContext>[1]) => {
  const stores = storeContext(config, hooks)
  return { ...stores, ports: buildPorts(everyStore, stores) }
}
