import type { Child } from 'hono/jsx'
import { useI18n } from '../i18n/i18n.ts'
import { describeError, FormError } from './form.tsx'

/** Under a table row: why its last action failed, and the form it opened (a reason to give). */
export const RowDetail = ({ colSpan, failure, children }: { colSpan: number; failure: unknown; children?: Child }) => {
  const { locale } = useI18n()
  return (
    <tr class="table__detail">
      <td colSpan={colSpan}>
        {failure !== undefined && <FormError>{describeError(locale, failure)}</FormError>}
        {children}
      </td>
    </tr>
  )
}
