import type { BankAccount, BankAccountInput, MeResponse } from '@market/contracts'
import { bankAccountNumberPattern } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { api, fieldErrorPaths, photoUrl } from '../api/client.ts'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { type Photo, PhotoPicker, photosNotReady, usePhotos } from '../components/photo-picker.tsx'
import { type FieldErrors, unfilled, useForm } from '../components/use-form.ts'
import { useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { useSession } from '../session/session.ts'

export type BankAccountValues = { holder: string; bank: string; number: string }

export const bankAccountValues = (account?: BankAccount): BankAccountValues => ({
  holder: account?.holder ?? '',
  bank: account?.bank ?? '',
  number: account?.number ?? '',
})

/** Mistakes to show before sending: every field filled, the number 8–30 digits once its spaces are gone. */
export const checkBankAccount = (values: BankAccountValues, photos: Photo[]): FieldErrors => {
  const errors = unfilled({ holder: Boolean(values.holder.trim()), bank: Boolean(values.bank.trim()) })
  if (!bankAccountNumberPattern.test(values.number.replace(/\s+/g, ''))) errors.number = 'bankAccount.number.invalid'
  const notReady = photosNotReady(photos)
  if (notReady) errors.collectionQr = notReady
  return errors
}

/** The account as the API takes it (it drops the number's spaces itself). */
export const bankAccountBody = (values: BankAccountValues, photos: Photo[]): BankAccountInput => {
  const qr = photos[0]?.key
  return {
    holder: values.holder.trim(),
    bank: values.bank.trim(),
    number: values.number.trim(),
    ...(qr ? { collectionQr: qr } : {}),
  }
}

/** Where the API names a bank-account field's error (`bankAccount.number` in a verification request). */
export const bankAccountErrors = (error: unknown, prefix = ''): FieldErrors => {
  const messages: Record<string, MessageKey> = { number: 'bankAccount.number.invalid' }
  return Object.fromEntries(
    [...fieldErrorPaths(error)]
      .filter((path) => path.startsWith(prefix))
      .map((path) => path.slice(prefix.length))
      .map((path) => [path, messages[path] ?? 'field.invalid']),
  )
}

/** 户名, 开户行, 账号 and an optional collection QR code: the same fields at verification and for a change. */
export const BankAccountFields = ({
  values,
  set,
  errorFor,
  photos,
  setPhotos,
}: {
  values: BankAccountValues
  set: (name: keyof BankAccountValues) => (value: string) => void
  errorFor: (field: string) => string | undefined
  photos: Photo[]
  setPhotos: (update: (photos: Photo[]) => Photo[]) => void
}) => {
  const { t } = useI18n()
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__title">{t('bankAccount.title')}</legend>
      <p class="field__hint">{t('bankAccount.intro')}</p>
      <TextField
        id="bank-holder"
        label={t('bankAccount.holder')}
        hint={t('bankAccount.holder.hint')}
        value={values.holder}
        onInput={set('holder')}
        required
        error={errorFor('holder')}
      />
      <TextField
        id="bank-name"
        label={t('bankAccount.bank')}
        hint={t('bankAccount.bank.hint')}
        value={values.bank}
        onInput={set('bank')}
        required
        error={errorFor('bank')}
      />
      <TextField
        id="bank-number"
        label={t('bankAccount.number')}
        hint={t('bankAccount.number.hint')}
        value={values.number}
        onInput={set('number')}
        inputmode="numeric"
        required
        error={errorFor('number')}
      />
      <p class="field__label">{t('bankAccount.qr')}</p>
      <PhotoPicker photos={photos} setPhotos={setPhotos} max={1} error={errorFor('collectionQr')} />
    </fieldset>
  )
}

const AccountFacts = ({ account }: { account: BankAccount }) => {
  const { t } = useI18n()
  return (
    <dl class="details">
      <dt>{t('bankAccount.holder')}</dt>
      <dd>{account.holder}</dd>
      <dt>{t('bankAccount.bank')}</dt>
      <dd>{account.bank}</dd>
      <dt>{t('bankAccount.number')}</dt>
      <dd>
        <code>{account.number}</code>
      </dd>
      {account.collectionQr && (
        <>
          <dt>{t('bankAccount.qr')}</dt>
          <dd>
            <img src={photoUrl(account.collectionQr)} alt="" width={120} height={120} />
          </dd>
        </>
      )}
    </dl>
  )
}

/** A verified supplier's account: the approved one, a change waiting for review, and the form to change it. */
export const BankAccountSection = ({ me }: { me: MeResponse }) => {
  const { t, locale } = useI18n()
  const session = useSession()
  const [photos, setPhotos] = usePhotos()
  const [sent, setSent] = useState(false)
  const form = useForm(bankAccountValues())
  const submit = form.submit({
    check: () => checkBankAccount(form.values, photos),
    send: async () => {
      const json = bankAccountBody(form.values, photos)
      session.setMe(await (await api.accounts.api.suppliers.me['bank-account'].$put({ json })).json())
      setSent(true)
    },
    refused: (error) => ({ errors: bankAccountErrors(error) }),
  })
  return (
    <section class="card section" aria-labelledby="bank-account-title" data-bank-account>
      <h2 id="bank-account-title" class="card__title">
        {t('bankAccount.title')}
      </h2>
      {me.bankAccount && (
        <>
          <h3>{t('bankAccount.current')}</h3>
          <AccountFacts account={me.bankAccount} />
        </>
      )}
      {me.bankAccountChange && (
        <>
          <p class="notice" data-bank-account-pending>
            {sent ? t('bankAccount.done') : t('bankAccount.pending')}
          </p>
          <AccountFacts account={me.bankAccountChange} />
        </>
      )}
      {me.status === 'active' && (
        <details>
          <summary>{t('bankAccount.change')}</summary>
          <form class="form" noValidate onSubmit={submit} ref={form.formRef}>
            <BankAccountFields
              values={form.values}
              set={form.set}
              errorFor={form.errorFor}
              photos={photos}
              setPhotos={setPhotos}
            />
            {form.failure !== null && <FormError>{describeError(locale, form.failure)}</FormError>}
            <div class="form__actions">
              <button type="submit" class="button button--primary" disabled={form.submitting}>
                {form.submitting ? t('bankAccount.submitting') : t('bankAccount.submit')}
              </button>
            </div>
          </form>
        </details>
      )}
    </section>
  )
}
