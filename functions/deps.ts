import type { ApiDeps } from '@market/api/deps'
import type { Mail } from '@market/core'
import type { MarketConfig } from './config.ts'
import { apiHooks, logLines, sessions } from './lambda-deps.ts'
import type { PaymentsSource } from './payments.ts'
import { s3Photos } from './photos.ts'
import { buildStores, health, idempotency } from './stores.ts'

/** Without a source, no payments: bank transfer is the only way to pay. */
const noPayments: PaymentsSource = () => async () => null

/**
 * The API's ports for every group at once, built from a config object: under `npm start` and in
 * the tests (a Lambda builds only its group's: `./lambda-deps.ts`). Payments only when a source
 * (`stripeOnce`) is passed.
 */
export const buildDeps = (
  config: MarketConfig,
  log = logLines(config.logLevel),
  payments = noPayments,
): ApiDeps & Pick<Mail.MailDeps, 'mailQueue'> => {
  const { ports, ...stores } = buildStores(config, apiHooks)
  return {
    ...ports,
    log,
    sessions: sessions(stores, config),
    health: health(stores),
    idempotency: idempotency(stores),
    photos: s3Photos(config.photos),
    payments: payments(stores.secrets),
    ...(config.passwordCost ? { passwordCost: config.passwordCost } : {}),
  }
}
