import { SignInForm } from '../accounts/sign-in-form.tsx'
import { useI18n } from '../i18n/i18n.ts'

export const SignInPage = () => {
  const { t } = useI18n()
  return (
    <section class="auth-page">
      <h1>{t('signin.title')}</h1>
      <SignInForm />
    </section>
  )
}
