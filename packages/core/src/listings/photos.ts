import { PhotoContentError } from './errors.ts'
import type { PhotoStore } from './ports.ts'

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0))

/** How each photo type a key may end in begins (see createUpload): bytes at offsets. */
const signatures: Record<string, { at: number; bytes: number[] }[]> = {
  jpg: [{ at: 0, bytes: [0xff, 0xd8, 0xff] }],
  png: [{ at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }],
  webp: [
    { at: 0, bytes: ascii('RIFF') },
    { at: 8, bytes: ascii('WEBP') },
  ],
}
/** Enough of a photo to tell its type. */
const headLength = 12

const isTheTypeItsKeySays = (key: string, head: Uint8Array) =>
  Boolean(signatures[key.split('.').pop() ?? '']?.every(({ at, bytes }) => bytes.every((byte, i) => head[at + i] === byte)))

/**
 * Photos that a listing, a purchase request or a message names for the first time must have been
 * uploaded, and be the JPEG, PNG or WebP their key says: the upload's signature fixed the type
 * announced and the size, not what the bytes are. Photos named before (`known`) were checked then.
 * Refused with 400, each photo named by its place in `photos`.
 */
export const requireImages = async (photos: PhotoStore, keys: readonly string[], known: readonly string[] = []) => {
  const problems = await Promise.all(
    keys.map(async (key, index) => {
      if (known.includes(key)) return []
      const head = await photos.firstBytes(key, headLength)
      if (head && isTheTypeItsKeySays(key, head)) return []
      return [
        { path: ['photos', index], message: head ? `${key} is not the image its name says` : `Nothing was uploaded as ${key}` },
      ]
    }),
  )
  if (problems.flat().length > 0) throw new PhotoContentError(problems.flat())
}
