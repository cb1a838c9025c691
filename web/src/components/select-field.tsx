import type { Child } from 'hono/jsx'
import './form.css'

type SelectFieldProps<T extends string> = {
  id: string
  label: Child
  value: T | ''
  options: readonly T[]
  optionLabel: (option: T) => string
  /** Picks an option from the list, or '' for the blank first option. */
  onChange: (value: T | '') => void
  /** The words of a first, empty option ("all", "choose…"). */
  blank?: string
  /** More classes on the field (where it sits in a filter row). */
  class?: string
  required?: boolean
  hint?: string
  error?: string | undefined
}

/** A labelled select over a fixed list whose hint and error are tied to it; the value it reports is always one of the list. */
export const SelectField = <T extends string>({
  id,
  label,
  value,
  options,
  optionLabel,
  onChange,
  blank,
  class: extra,
  required,
  hint,
  error,
}: SelectFieldProps<T>) => {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  return (
    <div class={extra ? `field ${extra}` : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      <select
        id={id}
        class="select"
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        onChange={(event: Event) => {
          const chosen = (event.target as HTMLSelectElement).value
          onChange(options.find((option) => option === chosen) ?? '')
        }}
      >
        {blank !== undefined && (
          <option value="" selected={value === ''}>
            {blank}
          </option>
        )}
        {options.map((option) => (
          <option value={option} selected={value === option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
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
