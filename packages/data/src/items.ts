import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'

export type Item = Record<string, unknown>
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number]

const keyAttributes = ['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'] as const

/** The domain object stored in an item: the item without its keys and index attributes. */
export const withoutKeys = <T>(item: Item): T => {
  const object = { ...item }
  for (const name of keyAttributes) delete object[name]
  return object as T
}
