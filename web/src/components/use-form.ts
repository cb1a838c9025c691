import { useEffect, useRef, useState } from 'hono/jsx/dom'
import { fill, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'

/** What a form says about a field: a catalog message, or one with values to fill in. Kept as a key, so a language switch re-words it. */
export type FieldMessage = MessageKey | { key: MessageKey; values: Record<string, string | number> }
/** Field errors by the field's path as the API names it ("company.phone", "priceTiers.1.minQty"). */
export type FieldErrors = Record<string, FieldMessage>

/** A field message in the reader's language. */
export const say = (t: (key: MessageKey) => string, message: FieldMessage) =>
  typeof message === 'string' ? t(message) : fill(t(message.key), message.values)

type Submission = {
  /** Mistakes found before sending; while there are any, nothing is sent. */
  check?: () => FieldErrors
  send: () => Promise<unknown>
  /** The fields a refusal names, and whether the form also says why it failed (by default it does). */
  refused?: (error: unknown) => { errors?: FieldErrors; failure?: boolean }
}

/**
 * The scaffolding every form shares: its values, the errors beside its fields, the failure above
 * them, one submission at a time, and the cursor in the first field marked invalid after an attempt.
 * `fieldOf` names the error a changed value answers (by default the field of the same name).
 */
export const useForm = <V extends object>(initial: V | (() => V), fieldOf?: (name: keyof V) => string | null) => {
  const { t } = useI18n()
  const [values, setValues] = useState<V>(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<unknown>(null)
  /** The last attempt was stopped before sending. */
  const [invalid, setInvalid] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [attempt])

  /** A field's error goes once it is changed; the next attempt checks again. */
  const clearError = (field: string) =>
    setErrors((current) => {
      if (!(field in current)) return current
      const { [field]: _cleared, ...rest } = current
      return rest
    })
  const set =
    <K extends keyof V>(name: K) =>
    (value: V[K]) => {
      setValues((current) => ({ ...current, [name]: value }))
      const field = fieldOf ? fieldOf(name) : String(name)
      if (field) clearError(field)
    }
  const errorFor = (field: string) => {
    const message = errors[field]
    return message === undefined ? undefined : say(t, message)
  }

  const submit = (submission: Submission) => async (event: Event) => {
    event.preventDefault()
    if (submitting) return
    setFailure(null)
    const found = submission.check?.() ?? {}
    setErrors(found)
    setInvalid(Object.keys(found).length > 0)
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1)
      return
    }
    setSubmitting(true)
    try {
      await submission.send()
    } catch (error) {
      const answer = submission.refused?.(error) ?? {}
      setErrors(answer.errors ?? {})
      if (answer.failure ?? true) setFailure(error)
      setAttempt((n) => n + 1)
    } finally {
      setSubmitting(false)
    }
  }

  return {
    values,
    setValues,
    set,
    errors,
    setErrors,
    clearError,
    errorFor,
    hasErrors: Object.keys(errors).length > 0,
    failure,
    invalid,
    submitting,
    attempt,
    formRef,
    submit,
  }
}

/** The fields not yet filled in (false in `filled`), each marked with the same message. */
export const unfilled = (filled: Record<string, boolean>, message: MessageKey = 'buy.required'): FieldErrors =>
  Object.fromEntries(Object.entries(filled).flatMap(([field, ok]) => (ok ? [] : [[field, message]])))
