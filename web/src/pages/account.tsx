import type { MeResponse, VerificationRequestInput } from '@market/contracts'
import { useEffect, useState } from 'hono/jsx/dom'
import { api, fieldErrorPaths } from '../api/client.ts'
import { RoleLabel } from '../components/badges.tsx'
import { describeError, FormError, TextField, useFocusFirstInvalid } from '../components/form.tsx'
import { Loading } from '../components/states.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { formatDateTime, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { useRequireSignIn, useSession } from '../session/session.ts'

const verificationMessages: Record<string, MessageKey> = {
  licenseNumber: 'verification.licenseNumber.invalid',
  stall: 'verification.stall.invalid',
  contactPhone: 'field.phone.invalid',
}

const VerificationForm = ({ me }: { me: MeResponse }) => {
  const { t, locale } = useI18n()
  const session = useSession()
  const previous = me.verificationDetails
  const [values, setValues] = useState({
    licenseNumber: previous?.licenseNumber ?? '',
    stall: previous?.stall ?? '',
    contactPhone: previous?.contactPhone ?? me.company.phone ?? '',
  })
  const [fieldErrors, setFieldErrors] = useState<Record<string, MessageKey>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const formRef = useFocusFirstInvalid(attempt)
  const set = (name: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [name]: value }))
  const errorFor = (path: string) => {
    const key = fieldErrors[path]
    return key ? t(key) : undefined
  }

  const submit = async (event: Event) => {
    event.preventDefault()
    if (submitting) return
    setSubmitting(true)
    setFormError(null)
    setFieldErrors({})
    const body: VerificationRequestInput = {
      licenseNumber: values.licenseNumber.trim(),
      contactPhone: values.contactPhone.trim(),
      ...(values.stall.trim() ? { stall: values.stall.trim() } : {}),
    }
    try {
      session.setMe(await (await api.accounts.api.suppliers.me.verification.$post({ json: body })).json())
    } catch (error) {
      const found: Record<string, MessageKey> = {}
      for (const path of fieldErrorPaths(error)) found[path] = verificationMessages[path] ?? 'field.invalid'
      setFieldErrors(found)
      setFormError(describeError(locale, error))
      setAttempt((n) => n + 1)
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <form class="form" noValidate onSubmit={submit} ref={formRef} aria-labelledby="verification-title">
      <TextField
        id="license-number"
        label={t('verification.licenseNumber')}
        value={values.licenseNumber}
        onInput={set('licenseNumber')}
        hint={t('verification.licenseNumber.hint')}
        required
        error={errorFor('licenseNumber')}
      />
      <TextField
        id="stall"
        label={t('verification.stall')}
        value={values.stall}
        onInput={set('stall')}
        hint={t('verification.stall.hint')}
        error={errorFor('stall')}
      />
      <TextField
        id="contact-phone"
        type="tel"
        label={t('verification.contactPhone')}
        value={values.contactPhone}
        onInput={set('contactPhone')}
        autocomplete="tel"
        required
        error={errorFor('contactPhone')}
      />
      {formError && <FormError>{formError}</FormError>}
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={submitting}>
          {submitting
            ? t('verification.submitting')
            : me.verification === 'rejected'
              ? t('verification.resubmit')
              : t('verification.submit')}
        </button>
      </div>
    </form>
  )
}

const VerificationSection = ({ me }: { me: MeResponse }) => {
  const { t, locale } = useI18n()
  const status = me.verification ?? 'unverified'
  const details = me.verificationDetails
  const canRequest = me.status === 'active' && (status === 'unverified' || status === 'rejected')
  const bodies: Partial<Record<typeof status, MessageKey>> = {
    pending: 'verification.pendingBody',
    verified: 'verification.verifiedBody',
    rejected: 'verification.rejectedBody',
  }
  const body = bodies[status]
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
          <dt>{t('verification.licenseNumber')}</dt>
          <dd>{details.licenseNumber}</dd>
          {details.stall && (
            <>
              <dt>{t('verification.stall')}</dt>
              <dd>{details.stall}</dd>
            </>
          )}
          {details.contactPhone && (
            <>
              <dt>{t('verification.contactPhone')}</dt>
              <dd>{details.contactPhone}</dd>
            </>
          )}
          {details.submittedAt && (
            <>
              <dt>{t('verification.submittedAt')}</dt>
              <dd>{formatDateTime(locale, details.submittedAt)}</dd>
            </>
          )}
          {details.decidedAt && (
            <>
              <dt>{t('verification.decidedAt')}</dt>
              <dd>{formatDateTime(locale, details.decidedAt)}</dd>
            </>
          )}
        </dl>
      )}
      {canRequest && <VerificationForm me={me} />}
    </section>
  )
}

export const AccountPage = () => {
  const { t, locale } = useI18n()
  const session = useRequireSignIn()
  const me = session.me
  // The status may have changed since the session was loaded (an administrator's decision).
  useEffect(() => {
    session.refresh()
  }, [])
  if (!me) return <Loading />
  return (
    <>
      <h1>{t('account.title')}</h1>
      {me.status === 'suspended' && (
        <div class="notice notice--danger" data-notice="suspended">
          <p class="notice__title">{t('account.suspended.title')}</p>
          <p>{t('account.suspended.body')}</p>
        </div>
      )}
      <section class="card section" aria-labelledby="profile-title">
        <h2 id="profile-title" class="card__title">
          {t('account.profile')}
        </h2>
        <dl class="details">
          <dt>{t('field.name')}</dt>
          <dd>{me.name}</dd>
          <dt>{t('field.email')}</dt>
          <dd>{me.email}</dd>
          <dt>{t('account.role')}</dt>
          <dd>
            <RoleLabel role={me.role} />
          </dd>
          <dt>{t('account.status')}</dt>
          <dd>
            <StatusBadge kind="account" status={me.status} />
          </dd>
          <dt>{t('account.company')}</dt>
          <dd>{me.company.name}</dd>
          {me.company.phone && (
            <>
              <dt>{t('field.phone')}</dt>
              <dd>{me.company.phone}</dd>
            </>
          )}
          {me.company.address && (
            <>
              <dt>{t('field.address')}</dt>
              <dd>{me.company.address}</dd>
            </>
          )}
          <dt>{t('account.since')}</dt>
          <dd>{formatDateTime(locale, me.createdAt)}</dd>
        </dl>
      </section>
      {me.role === 'supplier' && <VerificationSection me={me} />}
    </>
  )
}
