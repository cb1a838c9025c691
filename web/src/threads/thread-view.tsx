import type { MeResponse } from '@market/contracts'
import { maxMessagePhotos, messageDeleteMinutes } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { api, photoUrl } from '../api/client.ts'
import type { ThreadMessage } from '../api/types.ts'
import { useResource } from '../api/use-resource.ts'
import { describeError, FormError } from '../components/form.tsx'
import { PhotoPicker, photosNotReady, usePhotos } from '../components/photo-picker.tsx'
import { ResourceView } from '../components/states.tsx'
import { formatDateTime, useI18n } from '../i18n/i18n.ts'
import { announceNotificationsChanged } from '../notifications/describe.ts'
import './threads.css'

/** Whether the reader may still delete a message it sent (the API decides; this only offers the button). */
const deletable = (message: ThreadMessage, me: MeResponse) =>
  message.senderId === me.id && !message.deletedAt && Date.now() - Date.parse(message.createdAt) < messageDeleteMinutes * 60_000

/** What one message shows: who, when, the text (or that it was deleted), its photos. */
const MessageItem = ({ message, me, onDelete }: { message: ThreadMessage; me: MeResponse; onDelete: () => void }) => {
  const { t, locale } = useI18n()
  const mine = message.senderId === me.id
  return (
    <li class={`message${mine ? ' message--mine' : ''}`} data-message={message.id} data-mine={String(mine)}>
      <p class="message__meta">
        {mine && <span>{t('thread.you')} · </span>}
        {formatDateTime(locale, message.createdAt)}
      </p>
      {message.deletedAt ? (
        <p class="message__text message__text--deleted">{t('thread.deleted')}</p>
      ) : (
        <p class="message__text">{message.text}</p>
      )}
      {message.photos.length > 0 && (
        <div class="message__photos">
          {message.photos.map((key) => (
            <img src={photoUrl(key)} alt="" loading="lazy" />
          ))}
        </div>
      )}
      {deletable(message, me) && (
        <button type="button" class="button button--secondary button--small" onClick={onDelete}>
          {t('thread.delete')}
        </button>
      )}
    </li>
  )
}

/**
 * The box to write a message in; `send` gets the text (and, with `photosId`, the keys of the photos
 * attached: a swatch, a colour card) and says whether it went.
 */
export const Compose = ({
  send,
  label,
  photosId,
}: {
  send: (text: string, photos: string[]) => Promise<void>
  label?: string
  photosId?: string
}) => {
  const { t, locale } = useI18n()
  const [text, setText] = useState('')
  const [photos, setPhotos] = usePhotos()
  // A photo still uploading, or one whose upload failed (shown on it until removed), holds the message back.
  const photosReady = photosNotReady(photos) === undefined
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const submit = async (event: Event) => {
    event.preventDefault()
    if (!text.trim()) return
    setSending(true)
    setFailure(null)
    try {
      await send(
        text.trim(),
        photos.flatMap((photo) => photo.key ?? []),
      )
      setText('')
      setPhotos(() => [])
    } catch (error) {
      setFailure(error)
    } finally {
      setSending(false)
    }
  }
  return (
    <form class="compose" onSubmit={submit} data-compose>
      {failure !== null && <FormError>{describeError(locale, failure)}</FormError>}
      <label class="field">
        <span class="field__label">{label ?? t('thread.compose')}</span>
        <textarea
          class="input"
          rows={3}
          maxLength={4000}
          value={text}
          onInput={(event: Event) => setText((event.target as HTMLTextAreaElement).value)}
        />
      </label>
      {photosId && (
        <PhotoPicker photos={photos} setPhotos={setPhotos} max={maxMessagePhotos} id={photosId} hint="thread.photos.hint" />
      )}
      <p class="field__hint">{t('thread.deleteHint')}</p>
      <button type="submit" class="button button--primary" disabled={sending || !text.trim() || !photosReady}>
        {sending ? t('thread.sending') : t('thread.send')}
      </button>
    </form>
  )
}

/**
 * One thread's messages, oldest first, and the box to answer in. Reading it marks it read, so the
 * navigation's counts are asked again. An administrator reading a disputed order's thread only reads.
 */
export const ThreadView = ({ threadId, me }: { threadId: string; me: MeResponse }) => {
  const { t, locale } = useI18n()
  const [changes, setChanges] = useState(0)
  const [failure, setFailure] = useState<unknown>(null)
  const messages = useResource(async () => {
    const page = await (await api.threads.api.threads[':id'].messages.$get({ param: { id: threadId }, query: {} })).json()
    announceNotificationsChanged()
    return page
  }, [threadId, changes])
  const reload = () => setChanges((n) => n + 1)
  const remove = async (messageId: string) => {
    setFailure(null)
    try {
      await api.threads.api.threads[':id'].messages[':messageId'].$delete({ param: { id: threadId, messageId } })
      reload()
    } catch (error) {
      setFailure(error)
    }
  }
  const party = (page: { thread: { buyer: { id: string }; supplier: { id: string } } }) =>
    page.thread.buyer.id === me.id || page.thread.supplier.id === me.id
  return (
    <div class="thread" data-thread={threadId}>
      {failure !== null && <FormError>{describeError(locale, failure)}</FormError>}
      <ResourceView resource={messages}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p class="thread__empty">{t('thread.empty')}</p>
            ) : (
              <ol class="thread__messages">
                {[...page.items].reverse().map((message) => (
                  <MessageItem message={message} me={me} onDelete={() => remove(message.id)} />
                ))}
              </ol>
            )}
            {party(page) ? (
              <Compose
                photosId={`message-${threadId}`}
                send={async (text, photos) => {
                  await api.threads.api.threads[':id'].messages.$post({
                    param: { id: threadId },
                    json: { text, ...(photos.length > 0 ? { photos } : {}) },
                  })
                  reload()
                }}
              />
            ) : (
              <p class="field__hint">{t('thread.readOnly')}</p>
            )}
          </>
        )}
      </ResourceView>
    </div>
  )
}
