import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  createAccountRepository,
  createAttentionRepository,
  createCategoryRepository,
  createCertificationRepository,
  createCertifiedRegistry,
  createCursorCodec,
  createDocumentClient,
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
 * The table's repositories over one DynamoDB client, with the clock, ids and secrets they need:
 * what the API and the scheduled jobs share. `onDynamoCall` hears every request sent to DynamoDB;
 * `requestScope` names the API request being served, which pagination cursors are bound to.
 */
export const buildStores = (
  config: Pick<MarketConfig, 'tableName' | 'dynamodb' | 'secrets'>,
  { onDynamoCall, requestScope }: { onDynamoCall?: (itemsRead: number) => void; requestScope?: () => string } = {},
) => {
  const table = config.tableName
  const db = createDocumentClient(new DynamoDBClient(config.dynamodb))
  if (onDynamoCall) onEveryDynamoCall(db, onDynamoCall)
  const secrets = createSecretSource(config.secrets)
  const sessionSecret = async () => (await secrets()).SESSION_SECRET
  const cursors = createCursorCodec(sessionSecret, requestScope)
  const nextId = monotonicFactory()
  return {
    db,
    secrets,
    sessionSecret,
    /** The ports the domain rules take. */
    ports: {
      clock: { now: () => new Date() },
      ids: { next: () => nextId() },
      categories: createCategoryRepository(db, table),
      accounts: createAccountRepository(db, table, cursors),
      listings: createListingRepository(db, table, cursors),
      listingImports: createListingImportRepository(db, table),
      notifications: createNotificationRepository(db, table),
      orders: createOrderRepository(db, table, cursors),
      rfqs: createRfqRepository(db, table, cursors),
      metrics: createMetricsRepository(db, table),
      ratings: createRatingRepository(db, table, cursors),
      attention: createAttentionRepository(db, table),
      suppliers: createSupplierRepository(db, table),
      certifications: createCertificationRepository(db, table, cursors),
      registry: createCertifiedRegistry(db, table),
      threads: createThreadRepository(db, table, cursors),
      mailQueue: createMailQueueRepository(db, table),
    },
  }
}
