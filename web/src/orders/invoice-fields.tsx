import { taxNumberPattern } from '@market/contracts/values'
import { TextField } from '../components/form.tsx'
import type { FieldErrors } from '../components/use-form.ts'
import { useI18n } from '../i18n/i18n.ts'

/** The tax number as the API stores it: people type it with spaces and in lower case. */
export const normalTaxNumber = (typed: string) => typed.replace(/\s+/g, '').toUpperCase()

/** What the buyer must fix before the invoice details go out: a title, and a tax number of the 15–20 character shape. */
export const invoicePartyErrors = (title: string, taxNumber: string): FieldErrors => ({
  ...(title.trim() ? {} : { invoiceTitle: 'buy.required' }),
  ...(taxNumberPattern.test(normalTaxNumber(taxNumber)) ? {} : { taxNumber: 'invoice.taxNumber.invalid' }),
})

/** Whom the supplier's invoice is made out to: the company title (发票抬头) and its tax number (纳税人识别号). */
export const InvoicePartyFields = ({
  idPrefix,
  title,
  taxNumber,
  onTitle,
  onTaxNumber,
  titleError,
  taxNumberError,
}: {
  idPrefix: string
  title: string
  taxNumber: string
  onTitle: (value: string) => void
  onTaxNumber: (value: string) => void
  titleError: string | undefined
  taxNumberError: string | undefined
}) => {
  const { t } = useI18n()
  return (
    <>
      <TextField
        id={`${idPrefix}-invoice-title`}
        label={t('order.invoice.title')}
        value={title}
        onInput={onTitle}
        autocomplete="organization"
        required
        error={titleError}
      />
      <TextField
        id={`${idPrefix}-tax-number`}
        label={t('order.invoice.taxNumber')}
        hint={t('invoice.taxNumber.hint')}
        value={taxNumber}
        onInput={onTaxNumber}
        required
        error={taxNumberError}
      />
    </>
  )
}
