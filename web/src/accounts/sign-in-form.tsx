import { useEffect } from 'hono/jsx/dom'
import { ApiError, api } from '../api/client.ts'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { useForm } from '../components/use-form.ts'
import { fill, useI18n } from '../i18n/i18n.ts'
import { navigate } from '../router.ts'
import { safeNext, useSession } from '../session/session.ts'
import './accounts.css'

const nextPath = () => safeNext(new URLSearchParams(location.search).get('next')) ?? '/account'

/** Email and password; afterwards back where the reader came from (`?next=`). Too many failures say when to try again. */
export const SignInForm = () => {
  const { t, locale } = useI18n()
  const session = useSession()
  const form = useForm({ email: '', password: '' })
  const { values, set, failure } = form

  // Someone already signed in has nothing to do here.
  useEffect(() => {
    if (session.state === 'ready' && session.me) navigate(nextPath(), { replace: true })
  }, [session.state, session.me])

  const send = async () => {
    const json = { email: values.email.trim(), password: values.password }
    session.setMe(await (await api.accounts.api.auth.login.$post({ json })).json())
    navigate(nextPath())
  }

  const message = () => {
    const text = describeError(locale, failure)
    if (failure instanceof ApiError && failure.code === 'auth.too_many_attempts' && failure.retryAfter !== undefined) {
      return `${text} ${fill(t('signin.retryIn'), { n: Math.max(1, Math.ceil(failure.retryAfter / 60)) })}`
    }
    return text
  }

  return (
    <form class="form" noValidate onSubmit={form.submit({ send })}>
      <TextField
        id="email"
        type="email"
        label={t('field.email')}
        value={values.email}
        onInput={set('email')}
        autocomplete="email"
        required
      />
      <TextField
        id="password"
        type="password"
        label={t('field.password')}
        value={values.password}
        onInput={set('password')}
        autocomplete="current-password"
        required
      />
      {failure !== null && <FormError>{message()}</FormError>}
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={form.submitting}>
          {form.submitting ? t('signin.submitting') : t('signin.submit')}
        </button>
      </div>
      <p>
        <a href="/forgot-password">{t('signin.forgot')}</a>
      </p>
      <p>
        {t('signin.noAccount')} <a href="/signup">{t('auth.signUp')}</a>
      </p>
    </form>
  )
}
