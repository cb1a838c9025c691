import type { RegisterInput } from '@market/contracts'
import { selfRegisteredRoles } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { ApiError, api, fieldErrorPaths } from '../api/client.ts'
import { describeError, FormError, TextField, useFocusFirstInvalid } from '../components/form.tsx'
import { useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { navigate } from '../router.ts'
import { useSession } from '../session/session.ts'

type Role = RegisterInput['role']
const roleCards = selfRegisteredRoles.map((role) => ({
  role,
  title: `signup.role.${role}.title` as const satisfies MessageKey,
  body: `signup.role.${role}.body` as const satisfies MessageKey,
}))

/** The API's field paths and the message each gets when the server finds it wrong. */
const fieldMessages: Record<string, MessageKey> = {
  email: 'field.email.invalid',
  password: 'field.password.invalid',
  name: 'field.name.invalid',
  'company.name': 'field.companyName.invalid',
  'company.phone': 'field.phone.invalid',
  'company.address': 'field.address.invalid',
  role: 'field.invalid',
}

const empty = { role: 'buyer' as Role, name: '', companyName: '', phone: '', address: '', email: '', password: '' }

export const SignUpPage = () => {
  const { t, locale } = useI18n()
  const session = useSession()
  const [values, setValues] = useState(empty)
  const [fieldErrors, setFieldErrors] = useState<Record<string, MessageKey>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const formRef = useFocusFirstInvalid(attempt)

  const set = (name: keyof typeof empty) => (value: string) => setValues((current) => ({ ...current, [name]: value }))
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
    const optional = (value: string) => (value.trim() ? value.trim() : undefined)
    const body: RegisterInput = {
      email: values.email.trim(),
      password: values.password,
      name: values.name.trim(),
      role: values.role,
      company: { name: values.companyName.trim(), phone: optional(values.phone), address: optional(values.address) },
    }
    try {
      const me = await (await api.accounts.api.auth.register.$post({ json: body })).json()
      session.setMe(me)
      navigate('/account')
    } catch (error) {
      if (error instanceof ApiError && error.code === 'account.email_taken') {
        setFieldErrors({ email: 'error.account.email_taken' })
      } else {
        const paths = fieldErrorPaths(error)
        const found: Record<string, MessageKey> = {}
        for (const path of paths) found[path] = fieldMessages[path] ?? 'field.invalid'
        setFieldErrors(found)
        setFormError(describeError(locale, error))
      }
      setAttempt((n) => n + 1)
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <section class="auth-page">
      <h1>{t('signup.title')}</h1>
      <p class="lead">{t('signup.intro')}</p>
      <form class="form" noValidate onSubmit={submit} ref={formRef}>
        <fieldset class="radio-cards">
          <legend class="field__label">{t('signup.role')}</legend>
          {roleCards.map((card) => (
            <label class="radio-card">
              <input
                type="radio"
                name="role"
                value={card.role}
                class="radio-card__input"
                checked={values.role === card.role}
                onChange={() => set('role')(card.role)}
              />
              <span class="radio-card__title">{t(card.title)}</span>
              <span class="radio-card__body">{t(card.body)}</span>
            </label>
          ))}
        </fieldset>
        <TextField
          id="name"
          label={t('field.name')}
          value={values.name}
          onInput={set('name')}
          autocomplete="name"
          required
          error={errorFor('name')}
        />
        <TextField
          id="company-name"
          label={t('field.companyName')}
          value={values.companyName}
          onInput={set('companyName')}
          autocomplete="organization"
          required
          error={errorFor('company.name')}
        />
        <TextField
          id="phone"
          type="tel"
          label={t('field.phone')}
          value={values.phone}
          onInput={set('phone')}
          autocomplete="tel"
          error={errorFor('company.phone')}
        />
        <TextField
          id="address"
          label={t('field.address')}
          value={values.address}
          onInput={set('address')}
          autocomplete="street-address"
          error={errorFor('company.address')}
        />
        <TextField
          id="email"
          type="email"
          label={t('field.email')}
          value={values.email}
          onInput={set('email')}
          autocomplete="email"
          required
          error={errorFor('email')}
        />
        <TextField
          id="password"
          type="password"
          label={t('field.password')}
          value={values.password}
          onInput={set('password')}
          autocomplete="new-password"
          hint={t('field.password.hint')}
          required
          error={errorFor('password')}
        />
        {formError && <FormError>{formError}</FormError>}
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={submitting}>
            {submitting ? t('signup.submitting') : t('signup.submit')}
          </button>
        </div>
        <p>
          {t('signup.haveAccount')} <a href="/signin">{t('auth.signIn')}</a>
        </p>
      </form>
    </section>
  )
}
