/**
 * `npm run admin -- create --email E --password P [--name N] [--aws]`
 *
 * Creates an administrator (they are never self-registered). Without --aws it works on the local
 * market: the DynamoDB Local of a running `npm start`, or one it starts itself on DATA_DIR. With
 * --aws it writes to the table TABLE_NAME names, with the AWS credentials of the shell.
 */
import { parseArgs } from 'node:util'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { Email, Password } from '@market/contracts'
import { Accounts } from '@market/core'
import { createAccountRepository, createCursorCodec, createDocumentClient, ensureTable } from '@market/data'
import { monotonicFactory } from 'ulid'
import { z } from 'zod'
import { readLocalConfig } from './config.ts'
import { openLocalTable } from './dynamodb-local.ts'

const usage = 'Usage: npm run admin -- create --email E --password P [--name N] [--aws]'

const CreateAdminArgs = z.object({
  email: Email,
  password: Password,
  name: z.string().trim().min(1).max(80).default('市场管理员'),
})

/** The table TABLE_NAME names, with the AWS credentials of the shell. */
const deployedTable = () => {
  if (!process.env.TABLE_NAME) throw new Error('With --aws, set TABLE_NAME to the deployed table (the stack output TableName)')
  const client = new DynamoDBClient({})
  return { client, table: process.env.TABLE_NAME, close: async () => client.destroy() }
}

const main = async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, aws: { type: 'boolean' } },
  })
  if (positionals[0] !== 'create') throw new Error(usage)
  const parsed = CreateAdminArgs.safeParse(values)
  if (!parsed.success)
    throw new Error(`${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}`)

  const { client, table, close } = values.aws ? deployedTable() : await openLocalTable(readLocalConfig(process.env))
  try {
    if (!values.aws) await ensureTable(client, table)
    const nextId = monotonicFactory()
    const accounts = createAccountRepository(
      createDocumentClient(client),
      table,
      createCursorCodec(() => Promise.reject(new Error('not paginated'))),
    )
    const admin = await Accounts.createAdmin(
      { accounts, clock: { now: () => new Date() }, ids: { next: () => nextId() } },
      parsed.data,
    )
    process.stdout.write(`Created administrator ${admin.email} (${admin.id}) in table ${table}\n`)
  } finally {
    await close()
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(error instanceof Accounts.EmailTakenError ? 2 : 1)
})
