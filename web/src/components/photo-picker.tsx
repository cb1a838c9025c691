import { maxPhotoBytes, photoContentTypes } from '@market/contracts/values'
import { useEffect, useRef, useState } from 'hono/jsx/dom'
import { photoUrl, uploadPhoto } from '../api/client.ts'
import { fill, useI18n } from '../i18n/i18n.ts'
import { describeError } from './form.tsx'
import './photo-picker.css'

export type Photo = { id: string; preview: string; key?: string; uploading: boolean; error?: unknown; fresh: boolean }

let photoIds = 0

/** A form's photos, starting from the keys it already has; previews of fresh files are let go when the form goes. */
export const usePhotos = (keys: string[] = []) => {
  const [photos, setPhotos] = useState<Photo[]>(() =>
    keys.map((key) => ({ id: key, key, preview: photoUrl(key), uploading: false, fresh: false })),
  )
  const latest = useRef(photos)
  latest.current = photos
  useEffect(
    () => () => {
      for (const photo of latest.current) if (photo.fresh) URL.revokeObjectURL(photo.preview)
    },
    [],
  )
  return [photos, setPhotos] as const
}

/** Why a form cannot send its photos yet: one still uploading, or one whose upload failed. */
export const photosNotReady = (photos: Photo[]) =>
  photos.some((photo) => photo.uploading)
    ? 'listingForm.photos.wait'
    : photos.some((photo) => !photo.key)
      ? 'listingForm.photos.failed'
      : undefined

/**
 * Photos for a listing or a purchase request: each file goes straight to the photos bucket with a
 * presigned upload as soon as it is picked, with a preview; the form sends the keys.
 */
export const PhotoPicker = ({
  photos,
  setPhotos,
  max,
  error,
  id = 'photos',
  hint = 'listingForm.photos.hint',
}: {
  photos: Photo[]
  setPhotos: (update: (photos: Photo[]) => Photo[]) => void
  max: number
  error?: string | undefined
  /** Where the page has several pickers (one per message thread), each names its parts apart. */
  id?: string
  hint?: 'listingForm.photos.hint' | 'thread.photos.hint'
}) => {
  const { t, locale } = useI18n()
  const [pickError, setPickError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)

  const upload = async (photo: Photo, file: File, contentType: (typeof photoContentTypes)[number]) => {
    try {
      const key = await uploadPhoto(file, contentType)
      setPhotos((all) => all.map((p) => (p.id === photo.id ? { ...p, key, uploading: false } : p)))
    } catch (failure) {
      setPhotos((all) => all.map((p) => (p.id === photo.id ? { ...p, uploading: false, error: failure } : p)))
    }
  }

  const pick = (event: Event) => {
    const files = [...((event.target as HTMLInputElement).files ?? [])]
    setPickError(null)
    const room = max - photos.length
    if (files.length > room) setPickError(fill(t('listingForm.photos.tooMany'), { n: max }))
    for (const file of files.slice(0, Math.max(0, room))) {
      const contentType = photoContentTypes.find((type) => type === file.type)
      if (!contentType) {
        setPickError(fill(t('listingForm.photos.badType'), { name: file.name }))
        continue
      }
      if (file.size > maxPhotoBytes) {
        setPickError(fill(t('listingForm.photos.tooLarge'), { name: file.name }))
        continue
      }
      photoIds += 1
      const photo: Photo = { id: `new-${photoIds}`, preview: URL.createObjectURL(file), uploading: true, fresh: true }
      setPhotos((all) => [...all, photo])
      upload(photo, file, contentType)
    }
    if (input.current) input.current.value = ''
  }

  const remove = (photo: Photo) => {
    if (photo.fresh) URL.revokeObjectURL(photo.preview)
    setPhotos((all) => all.filter((p) => p.id !== photo.id))
  }
  const move = (index: number, by: -1 | 1) =>
    setPhotos((all) => {
      const next = [...all]
      const [moved] = next.splice(index, 1)
      if (moved) next.splice(index + by, 0, moved)
      return next
    })

  const shownError = pickError ?? error
  return (
    <fieldset class="fieldset" aria-describedby={`${id}-hint`}>
      <legend class="field__label">
        {t('listingForm.photos')} <span class="field__optional">({t('field.optional')})</span>
      </legend>
      <p class="field__hint" id={`${id}-hint`}>
        {fill(t(hint), { n: max })}
      </p>
      {photos.length > 0 && (
        <ul class="photo-list">
          {photos.map((photo, index) => (
            <li class="photo-item" data-photo={photo.key ?? photo.id}>
              <img src={photo.preview} alt={fill(t('listing.photoN'), { n: index + 1 })} width={160} height={120} />
              {photo.uploading && <p class="photo-item__state">{t('listingForm.photos.uploading')}</p>}
              {photo.error !== undefined && <p class="field__error">{describeError(locale, photo.error)}</p>}
              <div class="button-row">
                {index > 0 && (
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    aria-label={fill(t('listingForm.photos.moveEarlier'), { n: index + 1 })}
                    onClick={() => move(index, -1)}
                  >
                    ←
                  </button>
                )}
                <button
                  type="button"
                  class="button button--secondary button--small"
                  aria-label={fill(t('listingForm.photos.remove'), { n: index + 1 })}
                  onClick={() => remove(photo)}
                >
                  {t('listingForm.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {photos.length < max && (
        <div class="field">
          <label class="field__label" for={`${id}-input`}>
            {t('listingForm.photos.add')}
          </label>
          <input
            id={`${id}-input`}
            ref={input}
            class="input file-input"
            type="file"
            accept={photoContentTypes.join(',')}
            multiple
            aria-invalid={shownError ? 'true' : undefined}
            aria-describedby={shownError ? `${id}-error` : undefined}
            onChange={pick}
          />
        </div>
      )}
      {shownError && (
        <p class="field__error" id={`${id}-error`} role="alert">
          {shownError}
        </p>
      )}
    </fieldset>
  )
}
