import fc from 'fast-check'

/**
 * What a hostile client sends instead of what the API asks for: values, object keys, whole
 * bodies, ids, query strings and headers. Values are plain JSON, or `RawJson` for the numbers
 * JSON.stringify cannot write (1e400, -0, 30-digit integers).
 */
export class RawJson {
  constructor(readonly text: string) {}
}

const megabyte = 1024 * 1024
/** A stacked Tibetan syllable (བསྒྲུབས) and a consonant carrying 60 subjoined letters. */
const tibetanStack = '\u0f56\u0f66\u0f92\u0fb2\u0f74\u0f56\u0f66'
const tibetanTower = `\u0f40${'\u0f90\u0fb2\u0fb1\u0fad'.repeat(15)}\u0f7c\u0f0b`

export const hostileStrings: string[] = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  '\ufeff',
  '\u202egnp.exe',
  '\u200d\u200d\u200d',
  'e\u0301'.repeat(500),
  tibetanStack,
  tibetanTower,
  tibetanTower.repeat(200),
  '👨‍👩‍👧‍👦'.repeat(50),
  'Ｈｅｌｌｏ１２３',
  '١٢٣',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '{"$ne": ""}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template injection is what this string tries
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  '%00%2e%2e%2f',
  'LISTING#x',
  'USER#01J0000000000000000000000#PROFILE',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '0x10',
  ' 1',
  '9'.repeat(400),
  '2026-02-30',
  '0000-00-00T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  'true',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'x'.repeat(10_000),
  '漢'.repeat(100_000),
  /** Over the body limit on its own: the request must be refused whole (413). */
  'y'.repeat(megabyte),
  `${tibetanStack}\u0f0b`.repeat(megabyte / 8),
]

export const hostileNumbers: (number | RawJson)[] = [
  -1,
  0,
  0.5,
  -0.0001,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  new RawJson('-0'),
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('123456789012345678901234567890'),
  new RawJson('1.0000000000000000000001'),
  new RawJson('1E+2'),
]

/** Keys that mean something to JavaScript, to Mongo-style query builders or to DynamoDB. */
export const hostileKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '$ne',
  '$where',
  'pk',
  'sk',
  'role',
  'status',
  'version',
  'id',
  'supplierId',
  'buyerId',
  'totalFen',
  'unitPriceFen',
  '',
  '\ud800',
  'a'.repeat(1000),
]

/**
 * Nesting deeper than any schema (arrays, objects, or both in turn), written as JSON text: a
 * value this deep would overflow JSON.stringify's stack before it reached the API.
 */
const nested = (depth: number, kind: 'array' | 'object' | 'mixed') => {
  const asArray = (level: number) => kind === 'array' || (kind === 'mixed' && level % 2 === 0)
  const levels = Array.from({ length: depth }, (_, level) => asArray(level))
  return new RawJson(
    `${levels.map((array) => (array ? '[' : '{"a":')).join('')}1${levels
      .reverse()
      .map((array) => (array ? ']' : '}'))
      .join('')}`,
  )
}

/** An object whose own key is `__proto__` (an object literal would set the prototype instead). */
export const withKey = (target: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })

const protoPollution = () => withKey({}, '__proto__', { role: 'admin', isAdmin: true, status: 'active' })

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...hostileStrings), weight: 4 },
  { arbitrary: fc.constantFrom(...hostileNumbers), weight: 3 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [[]], { '': '' }), weight: 2 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(64, 1000, 5000), fc.constantFrom('array', 'object', 'mixed') as fc.Arbitrary<'array'>)
      .map(([depth, kind]) => nested(depth, kind)),
    weight: 1,
  },
  { arbitrary: fc.constant(null).map(protoPollution), weight: 1 },
  { arbitrary: fc.array(fc.constantFrom(1, 'a', null), { minLength: 1000, maxLength: 1000 }), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
)

/** Whole bodies that are not the JSON object any route takes, some not JSON at all. */
export const hostileBodyTexts: (string | Uint8Array<ArrayBuffer>)[] = [
  '',
  ' ',
  '{',
  '}',
  '[]',
  '"text"',
  '42',
  'null',
  'true',
  '{}',
  '{"a":1}{"b":2}',
  '{"a":1,"a":2}',
  '\ufeff{}',
  "{'a': 1}",
  '{"a": NaN}',
  '{"a": undefined}',
  '{"a": 1,}',
  '{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"isAdmin": true}}}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
  `"${'z'.repeat(megabyte)}"`,
  `{"a":"${'z'.repeat(200 * 1024)}"}`,
  `[${'1,'.repeat(100_000)}1]`,
  new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]),
  new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  'a=1&b=2',
  '--boundary\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--boundary--',
]

/** Ids in a path: malformed, too long, of another kind, or aimed at keys and other routes. */
export const hostileIds: string[] = [
  '',
  ' ',
  '.',
  '..',
  '%',
  '%zz',
  '%2e%2e',
  '..%2f..%2fadmin',
  'a/b',
  '?x=1',
  '#frag',
  '\u0000',
  '\ud800',
  '01ARZ3NDEKTSV4RRFFQ69G5FAV'.toLowerCase(),
  '01ARZ3NDEKTSV4RRFFQ69G5FAVX',
  'ILOU0000000000000000000000',
  'LISTING#01ARZ3NDEKTSV4RRFFQ69G5FAV',
  '__proto__',
  'constructor',
  'mine',
  'export.csv',
  '-1',
  '1e3',
  'x'.repeat(5000),
  tibetanStack,
  '订单',
]

/** Query strings as they arrive on the wire, not as URLSearchParams would write them. */
export const hostileQueries = [
  '%',
  '%%',
  '%zz=1',
  '&&&',
  '=',
  '==x',
  'a[b]=c',
  '__proto__=x&constructor[prototype][x]=1',
  'limit=1&limit=2',
  'limit=',
  'limit=-1',
  'limit=1e3',
  'limit=0x10',
  'limit=Infinity',
  'limit=%20',
  'role=admin',
  'cursor=',
  'cursor=%00',
  'q=%ED%A0%80',
  `q=${'%E0%BD%80'.repeat(1000)}`,
  `x=${'a'.repeat(100_000)}`,
]

export const hostileContentTypes = [
  undefined,
  '',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=boundary',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json;;;',
  'application/jsonx',
  'json',
  '*/*',
]

/** Percent-encodes any string, lone surrogates too (as the UTF-8 bytes a careless client would send). */
export const encodeComponent = (value: string) =>
  value.replace(/[\s\S]/gu, (char) => {
    try {
      return encodeURIComponent(char)
    } catch {
      const code = char.charCodeAt(0)
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('')
    }
  })

/** JSON text of a value, writing each `RawJson` as its text. */
export const toJsonText = (value: unknown) => {
  const raws: string[] = []
  const text = JSON.stringify(value, (_key, inner) => {
    if (!(inner instanceof RawJson)) return inner
    raws.push(inner.text)
    return `\u0001raw${raws.length - 1}\u0001`
  })
  return text === undefined ? '' : text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_match, index: string) => raws[Number(index)] ?? '')
}

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number }

/** Every place in a JSON value where a field or an item sits. */
const slotsOf = (value: unknown, into: Slot[] = []): Slot[] => {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      into.push({ parent: value, key: index })
      slotsOf(item, into)
    })
  } else if (value && typeof value === 'object' && !(value instanceof RawJson)) {
    for (const [key, item] of Object.entries(value)) {
      into.push({ parent: value as Record<string, unknown>, key })
      slotsOf(item, into)
    }
  }
  return into
}

const objectsOf = (value: unknown): Record<string, unknown>[] => {
  const found: Record<string, unknown>[] = []
  const visit = (inner: unknown) => {
    if (Array.isArray(inner)) inner.forEach(visit)
    else if (inner && typeof inner === 'object' && !(inner instanceof RawJson)) {
      found.push(inner as Record<string, unknown>)
      Object.values(inner).forEach(visit)
    }
  }
  visit(value)
  return found
}

export type Mutation = { kind: 'replace' | 'add' | 'remove' | 'wrap'; at: number; key: string; value: unknown }

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'add', 'remove', 'wrap'),
  at: fc.nat(),
  key: fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ maxLength: 8 })),
  value: hostileValue,
})

/** A copy of a valid body with one field replaced, added, removed or wrapped. */
export const mutate = (body: unknown, { kind, at, key, value }: Mutation): unknown => {
  const copy = structuredClone(body)
  if (kind === 'add') {
    const objects = objectsOf(copy)
    const target = objects[at % Math.max(objects.length, 1)]
    if (!target) return value
    withKey(target, key, value)
    return copy
  }
  const slots = slotsOf(copy)
  const slot = slots[at % Math.max(slots.length, 1)]
  if (!slot) return value
  const parent = slot.parent as Record<string | number, unknown>
  if (kind === 'remove') {
    if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1)
    else delete parent[slot.key]
  } else if (kind === 'wrap') parent[slot.key] = [parent[slot.key]]
  else parent[slot.key] = value
  return copy
}
