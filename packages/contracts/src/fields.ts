import * as z from 'zod'
import { idPattern, phonePattern, type Range } from './values.ts'

/** Field schemas that several contracts share; the rules themselves are in values.ts. */

/** Text a person types: trimmed, not empty, at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max)

/** A whole number within one of the contracts' bounds. */
export const wholeIn = (range: Range) => z.number().int().min(range.min).max(range.max)

export const ulid = (message = 'An id') => z.string().regex(idPattern, message)

export const phone = z.string().trim().regex(phonePattern, 'A phone number of 6–20 digits')
