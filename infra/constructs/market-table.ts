import { tableDefinition } from '@market/data/table-definition'
import { RemovalPolicy } from 'aws-cdk-lib'
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { Construct } from 'constructs'

const stringKey = (name: string) => ({ name, type: AttributeType.STRING })

/**
 * The market's one table, built from the same definition the local bootstrap uses, so the cloud
 * and the laptop cannot drift apart.
 */
export class MarketTable extends Construct {
  readonly table: TableV2

  constructor(scope: Construct, id: string) {
    super(scope, id)
    this.table = new TableV2(this, 'Table', {
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      globalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
      })),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      // On-demand: the market pays nothing for capacity while nobody trades.
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Orders and payments live here: neither a stack delete nor a console slip may drop them.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // No stream: nothing consumes one yet. Add `dynamoStream` with its first consumer.
    })
  }
}
