import { useState } from 'hono/jsx/dom'
import { useI18n } from '../i18n/i18n.ts'
import './copy-button.css'

/** The clipboard API needs a secure context; a page served over plain http falls back to a selected textarea. */
const copyText = async (text: string) => {
  try {
    await navigator.clipboard.writeText(text)
    return
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.append(area)
    area.select()
    document.execCommand('copy')
    area.remove()
  }
}

/** Copies one value (an account number, an amount) so a buyer pastes it into the bank's app without typing it. */
export const CopyButton = ({ text, label }: { text: string; label: string }) => {
  const { t } = useI18n()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    await copyText(text)
    setCopied(true)
    setTimeout(() => setCopied(false), 2500)
  }
  return (
    <button type="button" class="copy-button" onClick={copy} data-copy={text}>
      <span aria-live="polite" data-copy-state>
        {copied ? t('copy.done') : t('copy.button')}
      </span>
      {/* Said, not shown: which value the button copies. */}
      <span class="visually-hidden"> {label}</span>
    </button>
  )
}
