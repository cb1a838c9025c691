import { SignUpForm } from '../accounts/sign-up-form.tsx'
import { useI18n } from '../i18n/i18n.ts'

export const SignUpPage = () => {
  const { t } = useI18n()
  return (
    <section class="auth-page">
      <h1>{t('signup.title')}</h1>
      <p class="lead">{t('signup.intro')}</p>
      <SignUpForm />
    </section>
  )
}
