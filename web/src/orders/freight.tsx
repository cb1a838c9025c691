import { useI18n } from '../i18n/i18n.ts'
import { formatFen } from '../listings/money.ts'

/** Freight as buyers read it on 1688: the amount, or 包邮 when there is none to pay on top. */
export const FreightAmount = ({ fen }: { fen: number | undefined }) => {
  const { t } = useI18n()
  return <span data-freight={fen ?? 0}>{fen ? formatFen(fen) : t('order.freight.included')}</span>
}
