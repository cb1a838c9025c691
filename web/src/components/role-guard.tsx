import type { MeResponse, Role } from '@market/contracts'
import type { Child } from 'hono/jsx'
import { useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { useRequireSignIn } from '../session/session.ts'
import { Loading } from './states.tsx'

/** What someone of another role is told, and where they may go instead. */
const refusals: Record<Role, { title: MessageKey; body: MessageKey; away: { href: string; label: MessageKey } }> = {
  buyer: { title: 'rfqs.buyerOnly.title', body: 'rfqs.buyerOnly.body', away: { href: '/market', label: 'nav.market' } },
  supplier: {
    title: 'supplier.notAllowed.title',
    body: 'supplier.notAllowed.body',
    away: { href: '/market', label: 'nav.market' },
  },
  admin: { title: 'admin.notAllowed.title', body: 'admin.notAllowed.body', away: { href: '/', label: 'notFound.back' } },
}

const NotAllowed = ({ role }: { role: Role }) => {
  const { t } = useI18n()
  const { title, body, away } = refusals[role]
  return (
    <div class="state state--empty" data-state="not-allowed">
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
      <a href={away.href} class="button button--primary">
        {t(away.label)}
      </a>
    </div>
  )
}

/**
 * The one guard of every page that needs a reader: the signed-out go to sign in (and come back),
 * a reader of another role is told whose page it is; the page itself renders only for the right reader.
 */
export const RoleGuard = ({ only, children }: { only?: Role; children: (me: MeResponse) => Child }) => {
  const { me } = useRequireSignIn()
  if (!me) return <Loading />
  if (only && me.role !== only) return <NotAllowed role={only} />
  return <>{children(me)}</>
}
