import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { useForm } from '../components/use-form.ts'
import { useI18n } from '../i18n/i18n.ts'
import { useSearch } from '../router.ts'
import { useSession } from '../session/session.ts'
import '../accounts/accounts.css'

/** Asks for a reset link: the answer is the same whether or not the address has an account. */
export const ForgotPasswordPage = () => {
  const { t, locale } = useI18n()
  const form = useForm({ email: '' })
  const [sent, setSent] = useState(false)
  const send = async () => {
    await api.accounts.api.auth['password-reset'].$post({ json: { email: form.values.email.trim() } })
    setSent(true)
  }
  return (
    <section class="auth-page">
      <h1>{t('reset.request.title')}</h1>
      {sent ? (
        <p class="notice" role="status" data-notice="reset-sent">
          {t('reset.request.sent')}
        </p>
      ) : (
        <form class="form" noValidate onSubmit={form.submit({ send })}>
          <p>{t('reset.request.intro')}</p>
          <TextField
            id="email"
            type="email"
            label={t('field.email')}
            value={form.values.email}
            onInput={form.set('email')}
            autocomplete="email"
            required
          />
          {form.failure !== null && <FormError>{describeError(locale, form.failure)}</FormError>}
          <div class="form__actions">
            <button type="submit" class="button button--primary" disabled={form.submitting}>
              {form.submitting ? t('reset.request.sending') : t('reset.request.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}

/** Where the e-mailed link leads: a new password, after which every session of the account is over. */
export const ResetPasswordPage = () => {
  const { t, locale } = useI18n()
  const session = useSession()
  const token = new URLSearchParams(useSearch()).get('token') ?? ''
  const form = useForm({ password: '' })
  const [done, setDone] = useState(false)
  const send = async () => {
    await api.accounts.api.auth['password-reset'].confirm.$post({ json: { token, password: form.values.password } })
    // The reset signed this browser out too.
    session.setMe(null)
    setDone(true)
  }
  return (
    <section class="auth-page">
      <h1>{t('reset.set.title')}</h1>
      {done ? (
        <p class="notice" role="status" data-notice="reset-done">
          {t('reset.set.done')} <a href="/signin">{t('signin.submit')}</a>
        </p>
      ) : !token ? (
        <p>
          {t('reset.set.missing')} <a href="/forgot-password">{t('reset.set.again')}</a>
        </p>
      ) : (
        <form class="form" noValidate onSubmit={form.submit({ send })}>
          <TextField
            id="password"
            type="password"
            label={t('field.newPassword')}
            value={form.values.password}
            onInput={form.set('password')}
            autocomplete="new-password"
            required
          />
          {form.failure !== null && (
            <FormError>
              {describeError(locale, form.failure)} <a href="/forgot-password">{t('reset.set.again')}</a>
            </FormError>
          )}
          <div class="form__actions">
            <button type="submit" class="button button--primary" disabled={form.submitting}>
              {form.submitting ? t('prefs.saving') : t('reset.set.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
