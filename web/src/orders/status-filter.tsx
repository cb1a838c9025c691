import type { OrderStatus } from '@market/contracts'
import { orderStatuses } from '@market/contracts/values'
import { SelectField } from '../components/select-field.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { navigate, useSearch } from '../router.ts'
import './orders.css'

/** The status the page's URL asks for (`?status=`), if it is one. */
export const useStatusFromSearch = (): OrderStatus | undefined => {
  const requested = new URLSearchParams(useSearch()).get('status')
  return orderStatuses.find((status) => status === requested)
}

/** The status filter lives in the URL, so a reload or a shared link shows the same list. */
export const StatusFilter = ({
  id,
  status,
  base,
  allLabel,
  options = orderStatuses,
}: {
  id: string
  status: OrderStatus | ''
  base: string
  allLabel: string
  options?: readonly OrderStatus[]
}) => {
  const { t } = useI18n()
  return (
    <SelectField
      id={id}
      class="order-filter"
      label={t('orders.filter.status')}
      value={status}
      options={options}
      optionLabel={(option) => t(`orderStatus.${option}`)}
      blank={allLabel}
      onChange={(value) => navigate(value ? `${base}?status=${value}` : base, { keepScroll: true })}
    />
  )
}
