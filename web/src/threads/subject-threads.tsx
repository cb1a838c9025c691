import type { MeResponse, ThreadKind } from '@market/contracts'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { useResource } from '../api/use-resource.ts'
import { NavCount } from '../components/nav-count.tsx'
import { ResourceView } from '../components/states.tsx'
import { fill, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { type InvitedSupplier, SupplierPicker } from '../rfqs/supplier-picker.tsx'
import { otherSide } from './inbox.tsx'
import { Compose, ThreadView } from './thread-view.tsx'
import './threads.css'

/** How the reader starts a thread on the subject, if it may: what the box says, and (a buyer's request) in which category to find the supplier. */
export type Ask = { label: MessageKey; supplierCategory?: string }

/**
 * The threads on a request, listing or order that the reader is a party to (a buyer's request:
 * one per supplier), each with its messages; and a way to start one where the reader may.
 */
export const SubjectThreads = ({ kind, id, me, ask }: { kind: ThreadKind; id: string; me: MeResponse; ask?: Ask }) => {
  const { t } = useI18n()
  const [changes, setChanges] = useState(0)
  const [supplier, setSupplier] = useState<InvitedSupplier[]>([])
  const threads = useResource(
    async () => (await api.threads.api.threads.$get({ query: { kind, subjectId: id } })).json(),
    [kind, id, changes],
  )
  const open = async (text: string) => {
    const supplierId = supplier[0]?.id
    await api.threads.api.threads.$post({ json: { subject: { kind, id, ...(supplierId ? { supplierId } : {}) }, text } })
    setSupplier([])
    setChanges((n) => n + 1)
  }
  return (
    <section class="subject-threads" data-subject-threads={kind}>
      <ResourceView resource={threads}>
        {({ items }) => {
          // A buyer asks any number of suppliers about its request; elsewhere the pair has one thread.
          const mayAsk = ask && (ask.supplierCategory !== undefined || items.length === 0)
          // Nothing to read and nothing to start (an administrator on an order not in dispute): no section.
          if (!mayAsk && items.length === 0) return null
          return (
            <>
              <h2>{t('thread.heading')}</h2>
              {items.map((thread) => (
                <details open data-subject-thread={thread.id}>
                  <summary>
                    {fill(t('thread.with'), { company: otherSide(thread, me).company })} <NavCount n={thread.unread} />
                  </summary>
                  <ThreadView threadId={thread.id} me={me} />
                </details>
              ))}
              {mayAsk && (
                <div data-ask>
                  <h3>{t(ask.label)}</h3>
                  {ask.supplierCategory !== undefined && (
                    <SupplierPicker categoryId={ask.supplierCategory} invited={supplier} onChange={setSupplier} max={1} />
                  )}
                  {ask.supplierCategory !== undefined && supplier.length === 0 ? (
                    <p class="field__hint">{t('thread.ask.pick')}</p>
                  ) : (
                    <Compose send={open} label={t(ask.label)} />
                  )}
                </div>
              )}
            </>
          )
        }}
      </ResourceView>
    </section>
  )
}
