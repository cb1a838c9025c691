import type { Child } from 'hono/jsx'
import { ApiError, OfflineError } from '../api/client.ts'
import { errorMessage, type Locale, translate, useI18n } from '../i18n/i18n.ts'
import './form.css'

type TextFieldProps = {
  id: string
  label: string
  value: string
  onInput: (value: string) => void
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'time' | 'datetime-local'
  inputmode?: 'numeric' | 'decimal'
  min?: string
  max?: string
  autocomplete?: string
  hint?: string
  error?: string | undefined
  required?: boolean
  multiline?: boolean
}

/** A labelled input whose hint and error are tied to it (aria-describedby), so screen readers read them. */
export const TextField = ({
  id,
  label,
  value,
  onInput,
  type = 'text',
  autocomplete,
  hint,
  error,
  required,
  multiline,
  inputmode,
  min,
  max,
}: TextFieldProps) => {
  const { t } = useI18n()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    name: id,
    class: multiline ? 'textarea' : 'input',
    value,
    required,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy,
    onInput: (event: Event) => onInput((event.target as HTMLInputElement).value),
  }
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
        {!required && <span class="field__optional"> ({t('field.optional')})</span>}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input {...common} type={type} autocomplete={autocomplete} inputmode={inputmode} min={min} max={max} />
      )}
      {hint && (
        <p class="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  )
}

/** What went wrong with a submission, in the reader's language. */
export const describeError = (locale: Locale, error: unknown) =>
  error instanceof OfflineError
    ? translate(locale, 'state.offline')
    : errorMessage(locale, error instanceof ApiError ? error.code : undefined)

/** The form-level error: announced as it appears. */
export const FormError = ({ children }: { children: Child }) => (
  <div class="form-error" role="alert">
    {children}
  </div>
)
