import { useEffect, useState } from 'hono/jsx/dom'
import { ApiError, api } from '../api/client.ts'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { fill, useI18n } from '../i18n/i18n.ts'
import { navigate } from '../router.ts'
import { safeNext, useSession } from '../session/session.ts'

const nextPath = () => safeNext(new URLSearchParams(location.search).get('next')) ?? '/account'

export const SignInPage = () => {
  const { t, locale } = useI18n()
  const session = useSession()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [submitting, setSubmitting] = useState(false)

  // Someone already signed in has nothing to do here.
  useEffect(() => {
    if (session.state === 'ready' && session.me) navigate(nextPath(), { replace: true })
  }, [session.state, session.me])

  const submit = async (event: Event) => {
    event.preventDefault()
    if (submitting) return
    setSubmitting(true)
    setError(null)
    try {
      const me = await (await api.accounts.api.auth.login.$post({ json: { email: email.trim(), password } })).json()
      session.setMe(me)
      navigate(nextPath())
    } catch (failure) {
      setError(failure)
    } finally {
      setSubmitting(false)
    }
  }

  const message = () => {
    if (!error) return null
    const text = describeError(locale, error)
    if (error instanceof ApiError && error.code === 'auth.too_many_attempts' && error.retryAfter !== undefined) {
      return `${text} ${fill(t('signin.retryIn'), { n: Math.max(1, Math.ceil(error.retryAfter / 60)) })}`
    }
    return text
  }

  return (
    <section class="auth-page">
      <h1>{t('signin.title')}</h1>
      <form class="form" noValidate onSubmit={submit}>
        <TextField
          id="email"
          type="email"
          label={t('field.email')}
          value={email}
          onInput={setEmail}
          autocomplete="email"
          required
        />
        <TextField
          id="password"
          type="password"
          label={t('field.password')}
          value={password}
          onInput={setPassword}
          autocomplete="current-password"
          required
        />
        {error !== null && <FormError>{message()}</FormError>}
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={submitting}>
            {submitting ? t('signin.submitting') : t('signin.submit')}
          </button>
        </div>
        <p>
          {t('signin.noAccount')} <a href="/signup">{t('auth.signUp')}</a>
        </p>
      </form>
    </section>
  )
}
