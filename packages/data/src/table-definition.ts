/**
 * The market's single DynamoDB table, defined once. The local bootstrap and the CDK stack both
 * build the table from these constants, so the two can never drift apart.
 *
 * Indexes are overloaded (generic attribute names), as in any single-table design: each access
 * pattern picks an index and writes its own key shape into gsiNpk / gsiNsk (see keys.ts and the
 * access-pattern table in this package's README).
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
} as const

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName']

/** Every key attribute is a string: ids are ULIDs and sort keys are ISO times or padded numbers. */
export const keyAttributeNames = (): string[] => [
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...tableDefinition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
]
