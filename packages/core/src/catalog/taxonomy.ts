import type { Category, Unit } from '@market/contracts'

/**
 * The starting material taxonomy (admins may extend it). Tibetan names are first drafts to be checked by a native
 * speaker; they live here, with the data, so a correction is one edit.
 */
export const defaultCategories: Category[] = [
  { id: 'wool', group: 'fabric', sortOrder: 10, name: { zh: '羊毛', bo: 'བལ།', en: 'Wool' } },
  { id: 'yak-down', group: 'fabric', sortOrder: 20, name: { zh: '牦牛绒', bo: 'ཁུ་ལུ།', en: 'Yak down' } },
  { id: 'cashmere', group: 'fabric', sortOrder: 30, name: { zh: '羊绒', bo: 'ར་བལ།', en: 'Cashmere' } },
  { id: 'pulu', group: 'fabric', sortOrder: 40, name: { zh: '氆氇', bo: 'སྣམ་བུ།', en: 'Pulu (Tibetan woollen cloth)' } },
  { id: 'brocade', group: 'fabric', sortOrder: 50, name: { zh: '织锦缎 / 金花缎', bo: 'གོས་ཆེན།', en: 'Brocade' } },
  { id: 'silk', group: 'fabric', sortOrder: 60, name: { zh: '丝绸', bo: 'དར།', en: 'Silk' } },
  { id: 'cotton', group: 'fabric', sortOrder: 70, name: { zh: '棉', bo: 'རས།', en: 'Cotton' } },
  { id: 'linen', group: 'fabric', sortOrder: 80, name: { zh: '麻', bo: 'སྲང་རས།', en: 'Linen' } },
  { id: 'synthetics', group: 'fabric', sortOrder: 90, name: { zh: '化纤', bo: 'བཟོ་བཅོས་རས།', en: 'Synthetics' } },
  { id: 'leather', group: 'fabric', sortOrder: 100, name: { zh: '皮革 / 羊皮', bo: 'ཀོ་བ།', en: 'Leather & sheepskin' } },
  { id: 'buttons', group: 'trim', sortOrder: 110, name: { zh: '纽扣 / 盘扣', bo: 'སྒྲོག་བུ།', en: 'Buttons & frog buttons' } },
  { id: 'zippers', group: 'trim', sortOrder: 120, name: { zh: '拉链', bo: 'འཐེན་སྒྲོག', en: 'Zippers' } },
  { id: 'lace-ribbons', group: 'trim', sortOrder: 130, name: { zh: '花边 / 织带', bo: 'མཐའ་རྒྱན།', en: 'Lace & ribbons' } },
  { id: 'sewing-thread', group: 'trim', sortOrder: 140, name: { zh: '缝纫线', bo: 'འཚེམ་སྐུད།', en: 'Sewing thread' } },
  { id: 'embroidery-thread', group: 'trim', sortOrder: 150, name: { zh: '绣线', bo: 'ཚེམ་དྲུབ་སྐུད་པ།', en: 'Embroidery thread' } },
  { id: 'interlining', group: 'trim', sortOrder: 160, name: { zh: '衬布', bo: 'ནང་རས།', en: 'Interlining' } },
  { id: 'lining', group: 'trim', sortOrder: 170, name: { zh: '里料', bo: 'ནང་ཤ', en: 'Lining' } },
  { id: 'dyes', group: 'dye', sortOrder: 180, name: { zh: '染料', bo: 'ཚོན།', en: 'Dyes' } },
  { id: 'packaging', group: 'packaging', sortOrder: 190, name: { zh: '包装', bo: 'ཐུམ་སྒྲིལ།', en: 'Packaging' } },
]

export const defaultUnits: Unit[] = [
  { id: 'm', name: { zh: '米', bo: 'རྨི།', en: 'metre' } },
  { id: 'yd', name: { zh: '码', bo: 'ཡཱར།', en: 'yard' } },
  { id: 'kg', name: { zh: '公斤', bo: 'ཀི་ལོ།', en: 'kg' } },
  { id: 'jin', name: { zh: '斤', bo: 'རྒྱ་སྲང་།', en: 'jin (500 g)' } },
  { id: 'bolt', name: { zh: '匹', bo: 'ཡུག', en: 'bolt' } },
  { id: 'piece', name: { zh: '件 / 个', bo: 'གྲངས།', en: 'piece' } },
  { id: 'set', name: { zh: '套', bo: 'ཆ།', en: 'set' } },
]

/** Categories in the order the market shows them: by group, then by the admins' sort order. */
export const sortCategories = (categories: Category[]): Category[] =>
  [...categories].sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id))
