import type { MeResponse, VerificationRequestInput } from '@market/contracts'
import { api, fieldErrorPaths } from '../api/client.ts'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { usePhotos } from '../components/photo-picker.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { useForm } from '../components/use-form.ts'
import { formatDateTime, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { useSession } from '../session/session.ts'
import './accounts.css'
import { BankAccountFields, bankAccountBody, bankAccountErrors, bankAccountValues, checkBankAccount } from './bank-account.tsx'

const fieldMessages: Record<string, MessageKey> = {
  licenseNumber: 'verification.licenseNumber.invalid',
  stall: 'verification.stall.invalid',
  contactPhone: 'field.phone.invalid',
}

/** A supplier asks to be verified: licence number, stall, a phone for the administrators. */
const VerificationForm = ({ me }: { me: MeResponse }) => {
  const { t, locale } = useI18n()
  const session = useSession()
  const previous = me.verificationDetails
  const form = useForm({
    licenseNumber: previous?.licenseNumber ?? '',
    stall: previous?.stall ?? '',
    contactPhone: previous?.contactPhone ?? me.company.phone ?? '',
    // The account sent before (a rejected request corrected and sent again).
    ...bankAccountValues(me.bankAccountChange),
  })
  const [photos, setPhotos] = usePhotos(me.bankAccountChange?.collectionQr ? [me.bankAccountChange.collectionQr] : [])
  const { values, set } = form
  const send = async () => {
    const body: VerificationRequestInput = {
      licenseNumber: values.licenseNumber.trim(),
      contactPhone: values.contactPhone.trim(),
      ...(values.stall.trim() ? { stall: values.stall.trim() } : {}),
      bankAccount: bankAccountBody(values, photos),
    }
    session.setMe(await (await api.accounts.api.suppliers.me.verification.$post({ json: body })).json())
  }
  const refused = (error: unknown) => ({
    errors: {
      ...Object.fromEntries([...fieldErrorPaths(error)].map((path) => [path, fieldMessages[path] ?? 'field.invalid'])),
      ...bankAccountErrors(error, 'bankAccount.'),
    },
  })

  return (
    <form
      class="form"
      noValidate
      onSubmit={form.submit({ check: () => checkBankAccount(values, photos), send, refused })}
      ref={form.formRef}
      aria-labelledby="verification-title"
    >
      <TextField
        id="license-number"
        label={t('verification.licenseNumber')}
        value={values.licenseNumber}
        onInput={set('licenseNumber')}
        hint={t('verification.licenseNumber.hint')}
        required
        error={form.errorFor('licenseNumber')}
      />
      <TextField
        id="stall"
        label={t('verification.stall')}
        value={values.stall}
        onInput={set('stall')}
        hint={t('verification.stall.hint')}
        error={form.errorFor('stall')}
      />
      <TextField
        id="contact-phone"
        type="tel"
        label={t('verification.contactPhone')}
        value={values.contactPhone}
        onInput={set('contactPhone')}
        autocomplete="tel"
        required
        error={form.errorFor('contactPhone')}
      />
      <BankAccountFields values={values} set={set} errorFor={form.errorFor} photos={photos} setPhotos={setPhotos} />
      {form.failure !== null && <FormError>{describeError(locale, form.failure)}</FormError>}
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={form.submitting}>
          {form.submitting
            ? t('verification.submitting')
            : me.verification === 'rejected'
              ? t('verification.resubmit')
              : t('verification.submit')}
        </button>
      </div>
    </form>
  )
}

const bodies: Partial<Record<NonNullable<MeResponse['verification']>, MessageKey>> = {
  pending: 'verification.pendingBody',
  verified: 'verification.verifiedBody',
  rejected: 'verification.rejectedBody',
}

/** Where a supplier's verification stands, what it sent, and (unverified or rejected) the form to ask. */
export const VerificationSection = ({ me }: { me: MeResponse }) => {
  const { t, locale } = useI18n()
  const status = me.verification ?? 'unverified'
  const details = me.verificationDetails
  const canRequest = me.status === 'active' && (status === 'unverified' || status === 'rejected')
  const body = bodies[status]
  const sent: [MessageKey, string | undefined][] = [
    ['verification.licenseNumber', details?.licenseNumber],
    ['verification.stall', details?.stall],
    ['verification.contactPhone', details?.contactPhone],
    ['verification.submittedAt', details?.submittedAt && formatDateTime(locale, details.submittedAt)],
    ['verification.decidedAt', details?.decidedAt && formatDateTime(locale, details.decidedAt)],
  ]
  return (
    <section class="card section" aria-labelledby="verification-title">
      <h2 id="verification-title" class="card__title">
        {t('verification.title')}
      </h2>
      <p class="verification-status">
        <span>{t('verification.status')}</span> <StatusBadge kind="verification" status={status} />
      </p>
      {body ? <p>{t(body)}</p> : <p>{t('verification.intro')}</p>}
      {status === 'rejected' && details?.reason && (
        <p class="notice notice--danger">
          <strong>{t('verification.reason')}</strong> <span data-reason>{details.reason}</span>
        </p>
      )}
      {details?.licenseNumber && status !== 'unverified' && (
        <dl class="details">
          {sent.map(
            ([label, value]) =>
              value && (
                <>
                  <dt>{t(label)}</dt>
                  <dd>{value}</dd>
                </>
              ),
          )}
        </dl>
      )}
      {canRequest && <VerificationForm me={me} />}
    </section>
  )
}
