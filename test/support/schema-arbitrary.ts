import fc from 'fast-check'

/** The parts of JSON Schema (2020-12, as `z.toJSONSchema` writes it) that the API's requests use. */
export type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  $ref?: string
}

export type SchemaContext = {
  /** `#/components/schemas/…` targets. */
  refs?: Record<string, JsonSchema>
  /**
   * Values for a property by its name where the schema alone cannot say what is real: the ids of
   * objects that exist, e-mail addresses. Mixed with what the schema gives; for an array property,
   * the values of its items.
   */
  overrides?: Record<string, fc.Arbitrary<unknown>>
}

const day = 24 * 3600 * 1000
/** Dates around now, where the rules' "in the future" and "within 14 days" have something to decide. */
const nearDate = fc
  .integer({ min: -30 * day, max: 400 * day })
  .map((offset) => new Date(Math.floor(Date.now() / 60_000) * 60_000 + offset))

const range = (from: number, to: number) => fc.integer({ min: from, max: to }).map((code) => String.fromCharCode(code))
/** One Tibetan syllable: a consonant, maybe a subjoined one and a vowel sign, then the tsheg. */
const tibetanSyllable = fc
  .tuple(range(0x0f40, 0x0f6a), fc.option(range(0x0f90, 0x0fb8)), fc.option(range(0x0f72, 0x0f7c)))
  .map(([root, subjoined, vowel]) => `${root}${subjoined ?? ''}${vowel ?? ''}\u0f0b`)
/** What people type into the market: ASCII, Chinese and Tibetan. */
const textUnit = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 3 },
  { arbitrary: range(0x4e00, 0x9fa5), weight: 2 },
  { arbitrary: tibetanSyllable, weight: 1 },
)

const stringOf = (schema: JsonSchema): fc.Arbitrary<string> => {
  if (schema.format === 'date') return nearDate.map((date) => date.toISOString().slice(0, 10))
  if (schema.format === 'date-time') return nearDate.map((date) => date.toISOString())
  if (schema.format === 'email') return fc.emailAddress()
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern))
  const min = schema.minLength ?? 0
  const max = Math.min(schema.maxLength ?? 40, min + 40)
  // Units may be longer than one UTF-16 code unit; the limits count code units, as zod does.
  return fc.string({ unit: textUnit, minLength: min, maxLength: max }).map((text) => text.slice(0, schema.maxLength))
}

const numberOf = (schema: JsonSchema, integer: boolean): fc.Arbitrary<number> => {
  if (integer) {
    const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6)
    const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e6)
    return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) })
  }
  return fc.double({
    min: schema.minimum ?? schema.exclusiveMinimum ?? -1e6,
    max: schema.maximum ?? schema.exclusiveMaximum ?? 1e6,
    minExcluded: schema.minimum === undefined && schema.exclusiveMinimum !== undefined,
    maxExcluded: schema.maximum === undefined && schema.exclusiveMaximum !== undefined,
    noNaN: true,
    noDefaultInfinity: true,
  })
}

/**
 * Values that `schema` accepts, as far as JSON Schema can say: the rules zod checks beyond it
 * (trimmed text, a deadline before the date needed, a minimum below the maximum) are left to
 * chance, so some of these still get a 400.
 */
export const arbitraryOf = (schema: JsonSchema, context: SchemaContext = {}, name?: string): fc.Arbitrary<unknown> => {
  const of = (inner: JsonSchema, innerName?: string) => arbitraryOf(inner, context, innerName)
  if (schema.$ref) {
    const target = context.refs?.[schema.$ref.replace('#/components/schemas/', '')]
    if (!target) throw new Error(`No schema for ${schema.$ref}`)
    return of(target, name)
  }
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const members = schema.anyOf ?? schema.oneOf
  if (members) return fc.oneof(...members.map((member) => of(member, name)))
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => of({ ...schema, type }, name)))
  switch (schema.type) {
    case 'object': {
      const properties = Object.entries(schema.properties ?? {})
      if (properties.length === 0 && typeof schema.additionalProperties === 'object')
        return fc.dictionary(fc.string({ maxLength: 10 }), of(schema.additionalProperties), { maxKeys: 4 })
      return fc.record(Object.fromEntries(properties.map(([key, property]) => [key, of(property, key)])), {
        requiredKeys: schema.required ?? [],
      })
    }
    case 'array':
      return fc.array(of(schema.items ?? {}, name), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 10),
      })
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
  }
  const override = name === undefined ? undefined : context.overrides?.[name]
  const plain =
    schema.type === 'string'
      ? stringOf(schema)
      : schema.type === 'integer' || schema.type === 'number'
        ? numberOf(schema, schema.type === 'integer')
        : fc.jsonValue({ maxDepth: 2 })
  return override ? fc.oneof(override, plain) : plain
}
