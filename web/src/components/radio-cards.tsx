import './form.css'

/** A choice of a few options as cards: the whole card is the label, so the target is large. */
export const RadioCards = <T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  title,
  body,
}: {
  legend: string
  name: string
  options: readonly T[]
  value: T
  onChange: (value: T) => void
  title: (option: T) => string
  body?: (option: T) => string
}) => (
  <fieldset class="radio-cards">
    <legend class="field__label">{legend}</legend>
    {options.map((option) => (
      <label class="radio-card">
        <input
          type="radio"
          name={name}
          value={option}
          class="radio-card__input"
          checked={value === option}
          onChange={() => onChange(option)}
        />
        <span class="radio-card__title">{title(option)}</span>
        {body && <span class="radio-card__body">{body(option)}</span>}
      </label>
    ))}
  </fieldset>
)
