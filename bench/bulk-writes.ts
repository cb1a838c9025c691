import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import { tableDefinition } from '@market/data'

type Item = Record<string, unknown>
type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number]
type Update = NonNullable<TransactItem['Update']>

const keyOf = (key: Item) => `${key[tableDefinition.partitionKey]}\u0000${key[tableDefinition.sortKey]}`
const keyFields = (item: Item) => ({
  [tableDefinition.partitionKey]: item[tableDefinition.partitionKey],
  [tableDefinition.sortKey]: item[tableDefinition.sortKey],
})

/**
 * `ADD a :x, b :y` and nothing else but the item's type: counters and sets, which add up in any
 * order (the metrics' counters set their item's type beside them, the same each time).
 */
const onlyAdds = (update: Update) => /^(SET #type = :type )?ADD [^=]+$/.test(update.UpdateExpression ?? '')

const mergeValue = (left: unknown, right: unknown) => {
  if (typeof left === 'number' && typeof right === 'number') return left + right
  if (typeof left === 'string' && left === right) return left
  if (left instanceof Set && right instanceof Set) return new Set([...left, ...right])
  throw new Error('ADD of something other than numbers or sets')
}

/** The parts of `text` separated by `, ` outside parentheses: the actions of an update clause. */
const actionsOf = (text: string) => {
  const actions: string[] = []
  let depth = 0
  let start = 0
  for (let at = 0; at < text.length; at++) {
    if (text[at] === '(') depth++
    else if (text[at] === ')') depth--
    else if (depth === 0 && text.startsWith(', ', at)) {
      actions.push(text.slice(start, at))
      start = at + 2
    }
  }
  return [...actions, text.slice(start)]
}

/**
 * Two updates of one item in a row as one, where that changes nothing: the same expression and
 * names, no condition, and only constants set, lists appended to and numbers or sets added — the
 * appended lists joined and the added values summed, the constants the same in both (a supplier's
 * response times, one appended for each first bid). Otherwise undefined.
 */
export const mergeUpdates = (first: Update, second: Update): Update | undefined => {
  const expression = first.UpdateExpression ?? ''
  if (first.ConditionExpression || second.ConditionExpression || second.UpdateExpression !== expression) return undefined
  if (JSON.stringify(first.ExpressionAttributeNames ?? {}) !== JSON.stringify(second.ExpressionAttributeNames ?? {}))
    return undefined
  const clauses = /^SET (.+?)(?: ADD ([^=]+))?$/.exec(expression)
  if (!clauses) return undefined
  const appended = new Set<string>()
  for (const action of actionsOf(clauses[1] as string)) {
    const append = /^(\S+) = list_append\(if_not_exists\(\1, :\w+\), (:\w+)\)$/.exec(action)
    if (append) appended.add(append[2] as string)
    else if (!/^\S+ = :\w+$/.test(action)) return undefined
  }
  const added = new Set(clauses[2] ? actionsOf(clauses[2]).map((action) => action.split(' ')[1]) : [])
  const values: Item = { ...first.ExpressionAttributeValues }
  for (const [name, value] of Object.entries(second.ExpressionAttributeValues ?? {})) {
    const before = values[name]
    if (appended.has(name) && Array.isArray(before) && Array.isArray(value)) values[name] = [...before, ...value]
    else if (added.has(name)) values[name] = mergeValue(before, value)
    else if (JSON.stringify(before) !== JSON.stringify(value)) return undefined
  }
  return { ...first, ExpressionAttributeValues: values }
}

/**
 * A DynamoDB client for loading a large dataset through the repositories as they are: their
 * writes (single items and transactions alike) are collected instead of sent, and `flush` writes
 * them in bulk — the final version of each item by BatchWriteItem, 25 a request, several requests
 * at once; the counters the writes ADD to summed, one UpdateItem per counter; other updates one by
 * one in their order for each item (those in a row that can be one as one), several items at once. Reads of items by key see what was collected (Get, BatchGet) and otherwise go to the table;
 * queries go to the table. Conditions are not checked: the loader writes a fresh table whose ids it makes itself.
 */
export const createBulkWriter = (db: DynamoDBDocumentClient, table: string, { parallel = 8 } = {}) => {
  let puts = new Map<string, Item>()
  let deletes = new Map<string, Item>()
  let adds = new Map<string, Update>()
  let updates: Update[] = []
  let itemsWritten = 0

  const put = (item: Item) => {
    const key = keyOf(item)
    deletes.delete(key)
    puts.set(key, item)
  }
  const update = (change: Update) => {
    if (!onlyAdds(change)) {
      const key = keyOf(change.Key as Item)
      if (puts.has(key)) throw new Error(`An update of an item written in the same batch (${key}): flush first`)
      updates.push(change)
      return
    }
    const id = `${keyOf(change.Key as Item)}\u0000${change.UpdateExpression}\u0000${JSON.stringify(change.ExpressionAttributeNames ?? {})}`
    const previous = adds.get(id)
    if (!previous) {
      adds.set(id, { ...change, ConditionExpression: undefined })
      return
    }
    const values = { ...previous.ExpressionAttributeValues }
    for (const [name, value] of Object.entries(change.ExpressionAttributeValues ?? {}))
      values[name] = name in values ? mergeValue(values[name], value) : value
    adds.set(id, { ...previous, ExpressionAttributeValues: values })
  }
  const collect = (write: TransactItem) => {
    if (write.Put) put(write.Put.Item as Item)
    else if (write.Update) update(write.Update)
    else if (write.Delete) {
      const key = keyOf(write.Delete.Key as Item)
      puts.delete(key)
      deletes.set(key, write.Delete.Key as Item)
    }
    // ConditionCheck: not checked (see above).
  }

  const client = {
    send: async (command: unknown) => {
      if (command instanceof TransactWriteCommand) for (const write of command.input.TransactItems ?? []) collect(write)
      else if (command instanceof PutCommand) put(command.input.Item as Item)
      else if (command instanceof UpdateCommand) collect({ Update: command.input as Update })
      else if (command instanceof DeleteCommand) collect({ Delete: command.input as NonNullable<TransactItem['Delete']> })
      else if (command instanceof GetCommand) {
        const key = keyOf(command.input.Key as Item)
        if (deletes.has(key)) return {}
        const collected = puts.get(key)
        return collected ? { Item: structuredClone(collected) } : db.send(command)
      } else if (command instanceof BatchGetCommand) {
        const request = command.input.RequestItems?.[table]
        const collected: Item[] = []
        const rest: Item[] = []
        for (const key of (request?.Keys ?? []) as Item[]) {
          const item = puts.get(keyOf(key))
          if (item) collected.push(structuredClone(item))
          else if (!deletes.has(keyOf(key))) rest.push(key)
        }
        const result: { Responses?: Record<string, Item[]> } =
          rest.length > 0 ? await db.send(new BatchGetCommand({ RequestItems: { [table]: { ...request, Keys: rest } } })) : {}
        return { ...result, Responses: { [table]: [...collected, ...(result.Responses?.[table] ?? [])] } }
      } else return db.send(command as Parameters<typeof db.send>[0])
      return {}
    },
  } as unknown as DynamoDBDocumentClient

  const batchWrite = async (requests: Record<string, unknown>[]) => {
    let pending = requests
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === 10) throw new Error('DynamoDB left batch writes unprocessed ten times')
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }))
      pending = (result.UnprocessedItems?.[table] as typeof pending | undefined) ?? []
    }
  }

  /** Runs `work` on every element, `parallel` at a time. */
  const inParallel = async <T>(elements: T[], work: (element: T) => Promise<unknown>, width = parallel) => {
    let next = 0
    await Promise.all(
      Array.from({ length: width }, async () => {
        while (next < elements.length) await work(elements[next++] as T)
      }),
    )
  }

  /** Writes what was collected; returns how many items and counter updates it wrote. */
  const flush = async () => {
    const requests = [
      ...[...puts.values()].map((item) => ({ PutRequest: { Item: item } })),
      ...[...deletes.values()].map((key) => ({ DeleteRequest: { Key: keyFields(key) } })),
    ]
    const counters = [...adds.values()]
    const others = updates
    puts = new Map()
    deletes = new Map()
    adds = new Map()
    updates = []
    const batches = Array.from({ length: Math.ceil(requests.length / 25) }, (_, index) =>
      requests.slice(index * 25, index * 25 + 25),
    )
    await inParallel(batches, batchWrite)
    await inParallel(counters, (counter) => db.send(new UpdateCommand({ ...counter, TableName: table } as never)))
    // Each item's updates in the order they were made, different items' at once.
    // Updates in a row that can be one are sent as one (mergeUpdates).
    const byItem = new Map<string, Update[]>()
    for (const change of others) {
      const key = keyOf(change.Key as Item)
      const chain = byItem.get(key) ?? []
      const merged = chain.length > 0 ? mergeUpdates(chain[chain.length - 1] as Update, change) : undefined
      byItem.set(key, merged ? [...chain.slice(0, -1), merged] : [...chain, change])
    }
    // Every item's chain at once: a few items (the suppliers' statistics) take many updates each.
    await inParallel(
      [...byItem.values()],
      async (changes) => {
        let refused: Update | undefined
        for (const change of changes) {
          // A repository repeats a conditional update until it is refused (trimming a sample to
          // its size): the same update again right after a refusal is not sent either.
          if (refused && JSON.stringify(change) === JSON.stringify(refused)) continue
          refused = await db.send(new UpdateCommand({ ...change, TableName: table } as never)).then(
            () => undefined,
            (error: Error) => {
              // A condition written against the state the loader did not keep (a stale count): skipped.
              if (error.name !== 'ConditionalCheckFailedException') throw error
              return change
            },
          )
        }
      },
      byItem.size,
    )
    const written = requests.length + counters.length + [...byItem.values()].reduce((sum, chain) => sum + chain.length, 0)
    itemsWritten += written
    return written
  }

  return { client, flush, itemsWritten: () => itemsWritten }
}
