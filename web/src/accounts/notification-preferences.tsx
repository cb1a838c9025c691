import type { MeResponse, NotificationKind } from '@market/contracts'
import { notificationKinds } from '@market/contracts/values'
import { useEffect, useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { describeError, FormError } from '../components/form.tsx'
import { useForm } from '../components/use-form.ts'
import { fill, useI18n } from '../i18n/i18n.ts'

/** Which kinds of notification also come by e-mail: none until the user ticks them. */
export const NotificationPreferencesSection = ({ me }: { me: MeResponse }) => {
  const { t, locale } = useI18n()
  const form = useForm({ kinds: [] as NotificationKind[] })
  const [undeliverable, setUndeliverable] = useState(false)
  const [saved, setSaved] = useState(false)
  useEffect(() => {
    void api.accounts.api.me['notification-preferences']
      .$get()
      .then((response) => response.json())
      .then((preferences) => {
        form.set('kinds')(preferences.emailKinds)
        setUndeliverable(preferences.emailUndeliverable)
      })
      .catch(() => {})
  }, [])
  const toggle = (kind: NotificationKind) => (event: Event) => {
    const on = (event.target as HTMLInputElement).checked
    setSaved(false)
    form.set('kinds')(on ? [...form.values.kinds, kind] : form.values.kinds.filter((chosen) => chosen !== kind))
  }
  const send = async () => {
    await api.accounts.api.me['notification-preferences'].$put({ json: { emailKinds: form.values.kinds } })
    setSaved(true)
  }
  return (
    <section class="card section" aria-labelledby="mail-preferences-title" data-section="mail-preferences">
      <h2 id="mail-preferences-title" class="card__title">
        {t('prefs.title')}
      </h2>
      <p>{fill(t('prefs.intro'), { email: me.email })}</p>
      {undeliverable && <p class="notice notice--danger">{t('prefs.undeliverable')}</p>}
      <form class="form" noValidate onSubmit={form.submit({ send })}>
        {notificationKinds.map((kind) => (
          <label class="check" key={kind}>
            <input type="checkbox" name={kind} checked={form.values.kinds.includes(kind)} onChange={toggle(kind)} />
            {t(`prefs.kind.${kind}`)}
          </label>
        ))}
        {form.failure !== null && <FormError>{describeError(locale, form.failure)}</FormError>}
        <div class="form__actions">
          <button type="submit" class="button" disabled={form.submitting}>
            {form.submitting ? t('prefs.saving') : t('prefs.save')}
          </button>
          {saved && <span role="status">{t('prefs.saved')}</span>}
        </div>
      </form>
    </section>
  )
}
