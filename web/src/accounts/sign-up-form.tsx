import type { RegisterInput } from '@market/contracts'
import { selfRegisteredRoles } from '@market/contracts/values'
import { ApiError, api, fieldErrorPaths } from '../api/client.ts'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { RadioCards } from '../components/radio-cards.tsx'
import { useForm } from '../components/use-form.ts'
import { useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { navigate } from '../router.ts'
import { useSession } from '../session/session.ts'
import './accounts.css'

type Values = {
  role: RegisterInput['role']
  name: string
  companyName: string
  phone: string
  address: string
  email: string
  password: string
}

/** The form's text fields in order: the API's path for each, its words, and how browsers may fill it. */
const fields: {
  id: string
  name: Exclude<keyof Values, 'role'>
  path: string
  label: MessageKey
  /** What the server's refusal of this field says. */
  invalid: MessageKey
  type?: 'email' | 'password' | 'tel'
  autocomplete: string
  required?: boolean
  hint?: MessageKey
}[] = [
  {
    id: 'name',
    name: 'name',
    path: 'name',
    label: 'field.name',
    invalid: 'field.name.invalid',
    autocomplete: 'name',
    required: true,
  },
  {
    id: 'company-name',
    name: 'companyName',
    path: 'company.name',
    label: 'field.companyName',
    invalid: 'field.companyName.invalid',
    autocomplete: 'organization',
    required: true,
  },
  {
    id: 'phone',
    name: 'phone',
    path: 'company.phone',
    label: 'field.phone',
    invalid: 'field.phone.invalid',
    type: 'tel',
    autocomplete: 'tel',
  },
  {
    id: 'address',
    name: 'address',
    path: 'company.address',
    label: 'field.address',
    invalid: 'field.address.invalid',
    autocomplete: 'street-address',
  },
  {
    id: 'email',
    name: 'email',
    path: 'email',
    label: 'field.email',
    invalid: 'field.email.invalid',
    type: 'email',
    autocomplete: 'email',
    required: true,
  },
  {
    id: 'password',
    name: 'password',
    path: 'password',
    label: 'field.password',
    invalid: 'field.password.invalid',
    type: 'password',
    autocomplete: 'new-password',
    required: true,
    hint: 'field.password.hint',
  },
]

/** Registration of a garment maker or a supplier, with its company; the server's field errors shown beside each field. */
export const SignUpForm = () => {
  const { t, locale } = useI18n()
  const session = useSession()
  const form = useForm<Values>(
    { role: 'buyer', name: '', companyName: '', phone: '', address: '', email: '', password: '' },
    (name) => fields.find((field) => field.name === name)?.path ?? null,
  )
  const { values, set } = form

  const send = async () => {
    const optional = (value: string) => (value.trim() ? value.trim() : undefined)
    const body: RegisterInput = {
      email: values.email.trim(),
      password: values.password,
      name: values.name.trim(),
      role: values.role,
      company: { name: values.companyName.trim(), phone: optional(values.phone), address: optional(values.address) },
      // The account's e-mail goes in the language the page is shown in.
      locale,
    }
    session.setMe(await (await api.accounts.api.auth.register.$post({ json: body })).json())
    navigate('/account')
  }
  const refused = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'account.email_taken') {
      return { errors: { email: 'error.account.email_taken' as const }, failure: false }
    }
    const paths = fieldErrorPaths(error)
    return {
      errors: Object.fromEntries(fields.filter((field) => paths.has(field.path)).map((field) => [field.path, field.invalid])),
    }
  }

  return (
    <form class="form" noValidate onSubmit={form.submit({ send, refused })} ref={form.formRef}>
      <RadioCards
        legend={t('signup.role')}
        name="role"
        options={selfRegisteredRoles}
        value={values.role}
        onChange={set('role')}
        title={(role) => t(`signup.role.${role}.title`)}
        body={(role) => t(`signup.role.${role}.body`)}
      />
      {fields.map((field) => (
        <TextField
          id={field.id}
          type={field.type}
          label={t(field.label)}
          value={values[field.name]}
          onInput={set(field.name)}
          autocomplete={field.autocomplete}
          hint={field.hint && t(field.hint)}
          required={field.required}
          error={form.errorFor(field.path)}
        />
      ))}
      {form.failure !== null && <FormError>{describeError(locale, form.failure)}</FormError>}
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={form.submitting}>
          {form.submitting ? t('signup.submitting') : t('signup.submit')}
        </button>
      </div>
      <p>
        {t('signup.haveAccount')} <a href="/signin">{t('auth.signIn')}</a>
      </p>
    </form>
  )
}
