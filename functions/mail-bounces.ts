import { Mail } from '@market/core'
import { readLambdaConfig } from './config.ts'
import { buildStores } from './stores.ts'

/** The part of an SNS delivery this handler reads: each record's message, SES's event as JSON. */
type SnsEvent = { Records: { Sns: { Message: string } }[] }

let accounts: ReturnType<typeof buildStores>['ports']['accounts'] | undefined

/**
 * SES's bounces and complaints, through the configuration set's SNS topic: an address that
 * bounced for good or complained is marked undeliverable, and the mail worker sends it nothing more.
 */
export const handler = async (event: SnsEvent) => {
  accounts ??= buildStores(readLambdaConfig(process.env)).ports.accounts
  const addresses = event.Records.flatMap((record) => Mail.undeliverableAddresses(JSON.parse(record.Sns.Message)))
  for (const address of new Set(addresses)) await accounts.markMailUndeliverable(address)
  return { marked: addresses.length }
}
