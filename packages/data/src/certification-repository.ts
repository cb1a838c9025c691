import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { Certifications } from '@market/core'
import { auditPut } from './audit-writes.ts'
import type { CursorCodec } from './cursor.ts'
import { type Item, itemIsNew, type TransactItem, withoutKeys } from './items.ts'
import { certificationKey, certificationsInStatus, certificationsOfSupplier, certifiedSuppliersKey, userKey } from './keys.ts'
import { createQueries } from './query.ts'
import { withConflictRetry, writeRefusal } from './transactions.ts'

/** A supplier's badges in the registry item are the attribute `s:<supplierId>`. */
const registryPrefix = 's:'

const toCertification = (item: Item) => withoutKeys<Certifications.StoredCertification>(item)

/**
 * The market's certified suppliers, one read: the "certified green" filter, the count of certified
 * suppliers and the daily expiry job take it from here.
 */
export const createCertifiedRegistry = (db: DynamoDBDocumentClient, table: string): Certifications.CertifiedRegistryStore => ({
  registry: async () => {
    const { Item: item } = await db.send(new GetCommand({ TableName: table, Key: certifiedSuppliersKey() }))
    return Object.fromEntries(
      Object.entries(item ?? {})
        .filter(([name]) => name.startsWith(registryPrefix))
        .map(([name, badges]) => [name.slice(registryPrefix.length), badges as Certifications.Badge[]]),
    )
  },
})

export const createCertificationRepository = (db: DynamoDBDocumentClient, table: string, cursors: CursorCodec) => {
  const { queryPage } = createQueries(db, table, cursors)

  const get = async (id: string) => {
    const result = await db.send(new GetCommand({ TableName: table, Key: certificationKey(id), ConsistentRead: true }))
    return result.Item ? toCertification(result.Item) : undefined
  }

  /** The supplier's badges on its user item (on condition they are what the decision read) and in the registry. */
  const badgeWrites = ({ supplierId, previous, next }: Certifications.BadgeChange): TransactItem[] => [
    {
      Update: {
        TableName: table,
        Key: userKey(supplierId),
        UpdateExpression: 'SET certifications = :next',
        ConditionExpression: previous ? 'certifications = :previous' : 'attribute_not_exists(certifications)',
        ExpressionAttributeValues: { ':next': next, ...(previous ? { ':previous': previous } : {}) },
      },
    },
    {
      Update: {
        TableName: table,
        Key: certifiedSuppliersKey(),
        ...(next.length > 0
          ? {
              UpdateExpression: 'SET #type = :type, #supplier = :badges',
              ExpressionAttributeNames: { '#type': 'type', '#supplier': `${registryPrefix}${supplierId}` },
              ExpressionAttributeValues: { ':type': 'certified-suppliers', ':badges': next },
            }
          : {
              UpdateExpression: 'REMOVE #supplier',
              ExpressionAttributeNames: { '#supplier': `${registryPrefix}${supplierId}` },
            }),
      },
    },
  ]

  return {
    get,

    write: async ({ certification, expected, badges, audit }) => {
      const items: TransactItem[] = [
        {
          Put: {
            TableName: table,
            Item: {
              ...certificationKey(certification.id),
              type: 'certification',
              ...certificationsOfSupplier(certification.supplierId).entry(certification.requestedAt, certification.id),
              ...certificationsInStatus(certification.status).entry(certification.requestedAt, certification.id),
              ...certification,
            },
            ...(expected === 'new'
              ? { ConditionExpression: itemIsNew }
              : {
                  ConditionExpression: '#status = :expected',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':expected': expected },
                }),
          },
        },
        ...(badges ? badgeWrites(badges) : []),
        ...(audit ? [auditPut(table, audit)] : []),
      ]
      try {
        await withConflictRetry(() => db.send(new TransactWriteCommand({ TransactItems: items })))
      } catch (error) {
        if (writeRefusal(error) !== 'condition') throw error
        // The certification was decided meanwhile, or the supplier's badges changed under this decision.
        throw new Certifications.CertificationStateError((await get(certification.id))?.status ?? 'changed', 'changed')
      }
    },

    ofSupplier: async (supplierId, page) => {
      const result = await queryPage(certificationsOfSupplier(supplierId), { ...page, descending: true })
      return { items: result.items.map(toCertification), nextCursor: result.nextCursor }
    },

    inStatus: async (status, page) => {
      const result = await queryPage(certificationsInStatus(status), page)
      return { items: result.items.map(toCertification), nextCursor: result.nextCursor }
    },
  } satisfies Certifications.CertificationStore
}
