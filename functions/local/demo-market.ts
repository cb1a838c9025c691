import type { Specs, UnitId } from '@market/contracts'
import type { Rgb } from './demo-photos.ts'

/**
 * The demo market: suppliers from the Old City's shops and the places the plan names, and their
 * materials. Prices are in fen. Tibetan and English titles are given for some, as real suppliers
 * would; every title is in Chinese.
 */
export type DemoSupplier = {
  key: string
  email: string
  name: string
  company: string
  phone: string
  address: string
  stall?: string
  licenseNumber: string
  verification: 'verified' | 'pending'
}

export type DemoListing = {
  supplier: string
  categoryId: string
  title: { zh: string; bo?: string; en?: string }
  unit: UnitId
  /** Unit price for the smallest order, in fen; bulk tiers are derived from it. */
  priceFen: number
  moq: number
  stock: number
  specs: Specs
  colors: [Rgb, Rgb]
  status?: 'draft' | 'pending_review'
  sample?: { priceFen: number; description: { zh: string; bo?: string; en?: string } }
}

export const demoPassword = 'demo-supplier-2026'

export const demoSuppliers: DemoSupplier[] = [
  {
    key: 'tsering',
    email: 'tsering@barkhor-wool.example',
    name: '次仁',
    company: '八廓街次仁羊毛氆氇店',
    phone: '0891-6321234',
    address: '拉萨市城关区八廓街 32 号',
    stall: '冲赛康市场 A-12',
    licenseNumber: '91540100MA6T000001',
    verification: 'verified',
  },
  {
    key: 'dorje',
    email: 'dorje@nagqu-yak.example',
    name: '多吉',
    company: '那曲多吉牦牛绒合作社',
    phone: '0896-3825566',
    address: '那曲市色尼区浙江中路 18 号',
    stall: '原辅料市场 B-03',
    licenseNumber: '93540600MA6T0D0J12',
    verification: 'verified',
  },
  {
    key: 'wang',
    email: 'wang@suzhou-silk.example',
    name: '王建华',
    company: '苏州华锦丝绸拉萨经营部',
    phone: '13908905678',
    address: '拉萨市城关区冲赛康商场二楼',
    stall: '冲赛康市场 C-21',
    licenseNumber: '91320500MA1W5S2K3X',
    verification: 'verified',
  },
  {
    key: 'chen',
    email: 'chen@yiwu-trims.example',
    name: '陈丽',
    company: '义乌丽达服装辅料',
    phone: '13989012345',
    address: '拉萨市城关区林廓南路 66 号',
    stall: '原辅料市场 D-08',
    licenseNumber: '92330782MA2E8L7R9P',
    verification: 'verified',
  },
  {
    key: 'drolkar',
    email: 'drolkar@dranang-pulu.example',
    name: '卓嘎',
    company: '山南扎囊卓嘎氆氇编织社',
    phone: '0893-7321890',
    address: '山南市扎囊县扎塘镇',
    licenseNumber: '93540522MA6T0P0L07',
    verification: 'verified',
  },
  {
    key: 'phuntsok',
    email: 'phuntsok@shigatse-leather.example',
    name: '平措',
    company: '日喀则平措皮革加工',
    phone: '0892-8826677',
    address: '日喀则市桑珠孜区上海中路 9 号',
    licenseNumber: '92540202MA6T0R4P2Q',
    verification: 'pending',
  },
]

const red: Rgb = [140, 29, 24]
const gold: Rgb = [201, 154, 46]
const cream: Rgb = [236, 226, 204]
const brown: Rgb = [110, 74, 48]
const black: Rgb = [40, 36, 34]
const blue: Rgb = [34, 78, 140]
const green: Rgb = [46, 110, 70]
const white: Rgb = [245, 243, 238]
const grey: Rgb = [150, 146, 140]
const purple: Rgb = [98, 54, 120]

const fabric = (
  origin: string,
  composition: string,
  widthCm: number,
  weightGsm: number,
  color: string,
  craft?: Specs['craft'],
): Specs => ({
  origin,
  composition,
  widthCm,
  weightGsm,
  color,
  ...(craft ? { craft } : {}),
})

export const demoListings: DemoListing[] = [
  // 次仁: wool and carpet yarn from Gyantse and Shigatse, pulu
  {
    supplier: 'tsering',
    categoryId: 'wool',
    title: { zh: '江孜手纺羊毛纱线', bo: 'རྒྱལ་རྩེའི་ལག་འཁལ་བལ་སྐུད།', en: 'Gyantse hand-spun wool yarn' },
    unit: 'kg',
    priceFen: 16800,
    moq: 5,
    stock: 420,
    specs: { origin: '江孜', composition: '100% 绵羊毛', color: '本白', craft: ['sheep', 'handwoven'] },
    colors: [cream, brown],
  },
  {
    supplier: 'tsering',
    categoryId: 'wool',
    title: { zh: '日喀则地毯羊毛 粗纺', en: 'Shigatse carpet wool, coarse spun' },
    unit: 'kg',
    priceFen: 9800,
    moq: 20,
    stock: 1500,
    specs: { origin: '日喀则', composition: '100% 藏系绵羊毛', color: '原色', craft: ['sheep'] },
    colors: [cream, grey],
  },
  {
    supplier: 'tsering',
    categoryId: 'wool',
    title: { zh: '精梳羊毛面料 藏青', en: 'Combed wool fabric, navy' },
    unit: 'm',
    priceFen: 8600,
    moq: 10,
    stock: 800,
    specs: fabric('江孜', '90% 羊毛 10% 尼龙', 150, 320, '藏青'),
    colors: [blue, black],
  },
  {
    supplier: 'tsering',
    categoryId: 'wool',
    title: { zh: '羊毛毡 5毫米 工艺用' },
    unit: 'm',
    priceFen: 4500,
    moq: 5,
    stock: 300,
    specs: fabric('日喀则', '100% 羊毛', 100, 1200, '灰色'),
    colors: [grey, cream],
  },
  {
    supplier: 'tsering',
    categoryId: 'pulu',
    title: { zh: '八廓街传统氆氇 红黑条纹', bo: 'སྣམ་བུ་དམར་ནག', en: 'Traditional pulu, red and black stripes' },
    unit: 'm',
    priceFen: 26800,
    moq: 3,
    stock: 160,
    specs: fabric('山南', '100% 羊毛', 30, 450, '红黑', ['handwoven', 'natural-dye']),
    colors: [red, black],
    sample: {
      priceFen: 3000,
      description: { zh: '0.5 米布样', bo: 'སྣམ་བུའི་དཔེ་ཚད་རྐང་འདོམ་ 0.5', en: 'A 0.5 m swatch' },
    },
  },
  {
    supplier: 'tsering',
    categoryId: 'pulu',
    title: { zh: '氆氇藏袍面料 咖啡色', en: 'Pulu for chuba robes, coffee brown' },
    unit: 'm',
    priceFen: 23800,
    moq: 3,
    stock: 210,
    specs: fabric('山南', '100% 羊毛', 30, 480, '咖啡', ['handwoven']),
    colors: [brown, cream],
  },
  {
    supplier: 'tsering',
    categoryId: 'sewing-thread',
    title: { zh: '羊毛缝纫线 本色' },
    unit: 'piece',
    priceFen: 850,
    moq: 50,
    stock: 3000,
    specs: { composition: '羊毛混纺', color: '本色' },
    colors: [cream, cream],
  },
  {
    supplier: 'tsering',
    categoryId: 'dyes',
    title: { zh: '天然植物染料 茜草红', bo: 'ཚོན་རྩི་དམར་པོ།', en: 'Natural madder red dye' },
    unit: 'kg',
    priceFen: 32000,
    moq: 1,
    stock: 60,
    specs: { origin: '林芝', composition: '茜草根提取', color: '红', craft: ['natural-dye'] },
    colors: [red, red],
  },
  {
    supplier: 'tsering',
    categoryId: 'wool',
    title: { zh: '羊毛混纺呢料 驼色' },
    unit: 'm',
    priceFen: 7200,
    moq: 10,
    stock: 540,
    specs: fabric('江孜', '70% 羊毛 30% 涤纶', 150, 380, '驼色'),
    colors: [gold, brown],
    status: 'pending_review',
  },
  {
    supplier: 'tsering',
    categoryId: 'wool',
    title: { zh: '儿童藏装用细羊毛布' },
    unit: 'm',
    priceFen: 6400,
    moq: 10,
    stock: 0,
    specs: fabric('江孜', '100% 细羊毛', 145, 260, '米白'),
    colors: [white, cream],
  },

  // 多吉: yak down and cashmere from Nagqu and Ngari
  {
    supplier: 'dorje',
    categoryId: 'yak-down',
    title: { zh: '牦牛绒混纺面料', bo: 'འབྲི་ཁུ་ལུ་སྲེས་མ།', en: 'Yak down blend fabric' },
    unit: 'm',
    priceFen: 18800,
    moq: 5,
    stock: 600,
    specs: fabric('那曲', '50% 牦牛绒 50% 羊毛', 150, 340, '深棕', ['yak']),
    colors: [brown, black],
  },
  {
    supplier: 'dorje',
    categoryId: 'yak-down',
    title: { zh: '那曲牦牛绒原绒 分梳', bo: 'ནག་ཆུའི་གཡག་ཁུ་ལུ།', en: 'Nagqu dehaired raw yak down' },
    unit: 'kg',
    priceFen: 52000,
    moq: 2,
    stock: 180,
    specs: { origin: '那曲', composition: '100% 牦牛绒', color: '棕色', craft: ['yak'] },
    colors: [brown, brown],
  },
  {
    supplier: 'dorje',
    categoryId: 'yak-down',
    title: { zh: '牦牛绒针织纱 2/26Nm', en: 'Yak down knitting yarn 2/26Nm' },
    unit: 'kg',
    priceFen: 98000,
    moq: 1,
    stock: 90,
    specs: { origin: '那曲', composition: '100% 牦牛绒', color: '天然棕', craft: ['yak'] },
    colors: [brown, gold],
  },
  {
    supplier: 'dorje',
    categoryId: 'yak-down',
    title: { zh: '牦牛绒围巾坯布 本白' },
    unit: 'm',
    priceFen: 21500,
    moq: 5,
    stock: 240,
    specs: fabric('那曲', '100% 白牦牛绒', 70, 180, '本白', ['yak']),
    colors: [white, cream],
  },
  {
    supplier: 'dorje',
    categoryId: 'yak-down',
    title: { zh: '牦牛毛粗纺帐篷布', bo: 'གཡག་སྤུའི་སྦྲ་རས།', en: 'Yak hair tent cloth' },
    unit: 'm',
    priceFen: 12000,
    moq: 10,
    stock: 350,
    specs: fabric('那曲', '100% 牦牛毛', 60, 900, '黑', ['yak', 'handwoven']),
    colors: [black, grey],
  },
  {
    supplier: 'dorje',
    categoryId: 'cashmere',
    title: { zh: '阿里山羊绒 无毛绒', bo: 'མངའ་རིས་ར་བལ།', en: 'Ngari dehaired cashmere' },
    unit: 'kg',
    priceFen: 128000,
    moq: 1,
    stock: 75,
    specs: { origin: '阿里', composition: '100% 山羊绒', color: '青色', craft: ['cashmere'] },
    colors: [grey, white],
  },
  {
    supplier: 'dorje',
    categoryId: 'cashmere',
    title: { zh: '羊绒大衣呢 黑色', en: 'Cashmere coating, black' },
    unit: 'm',
    priceFen: 46000,
    moq: 3,
    stock: 120,
    specs: fabric('阿里', '80% 羊绒 20% 羊毛', 150, 520, '黑', ['cashmere']),
    colors: [black, grey],
  },
  {
    supplier: 'dorje',
    categoryId: 'cashmere',
    title: { zh: '羊绒针织纱 驼色 1/68Nm' },
    unit: 'kg',
    priceFen: 115000,
    moq: 1,
    stock: 60,
    specs: { origin: '阿里', composition: '100% 羊绒', color: '驼色', craft: ['cashmere'] },
    colors: [gold, cream],
  },
  {
    supplier: 'dorje',
    categoryId: 'yak-down',
    title: { zh: '牦牛绒絮片 保暖填充' },
    unit: 'kg',
    priceFen: 36000,
    moq: 2,
    stock: 200,
    specs: { origin: '那曲', composition: '牦牛绒 70% 聚酯 30%', color: '棕', craft: ['yak'] },
    colors: [brown, cream],
  },
  {
    supplier: 'dorje',
    categoryId: 'leather',
    title: { zh: '藏羊皮 整张 鞣制' },
    unit: 'piece',
    priceFen: 26000,
    moq: 5,
    stock: 140,
    specs: { origin: '那曲', composition: '绵羊皮', color: '本色', craft: ['sheep'] },
    colors: [cream, brown],
  },
  {
    supplier: 'dorje',
    categoryId: 'yak-down',
    title: { zh: '牦牛绒混纺毛毯料' },
    unit: 'm',
    priceFen: 15800,
    moq: 10,
    stock: 0,
    specs: fabric('那曲', '40% 牦牛绒 60% 羊毛', 180, 600, '深灰', ['yak']),
    colors: [grey, black],
    status: 'draft',
  },

  // 王建华: brocade and silk from Suzhou, Hangzhou and Sichuan
  {
    supplier: 'wang',
    categoryId: 'brocade',
    title: {
      zh: '金花缎 藏式吉祥八宝纹 红底金花',
      bo: 'གོས་ཆེན་བཀྲ་ཤིས་རྟགས་བརྒྱད།',
      en: 'Gold brocade, eight auspicious symbols on red',
    },
    unit: 'm',
    priceFen: 16800,
    moq: 10,
    stock: 900,
    specs: fabric('苏州', '桑蚕丝 粘胶 金线', 74, 180, '红金'),
    colors: [red, gold],
  },
  {
    supplier: 'wang',
    categoryId: 'brocade',
    title: { zh: '织锦缎 团龙纹 宝蓝', bo: 'གོས་ཆེན་འབྲུག་རིས།', en: 'Dragon roundel brocade, royal blue' },
    unit: 'm',
    priceFen: 15800,
    moq: 10,
    stock: 700,
    specs: fabric('苏州', '粘胶 金银线', 74, 175, '宝蓝'),
    colors: [blue, gold],
  },
  {
    supplier: 'wang',
    categoryId: 'brocade',
    title: { zh: '蜀锦 莲花纹 藏袍镶边用', en: 'Shu brocade, lotus pattern, for chuba trims' },
    unit: 'm',
    priceFen: 38000,
    moq: 5,
    stock: 260,
    specs: fabric('四川', '桑蚕丝', 72, 160, '绿金'),
    colors: [green, gold],
  },
  {
    supplier: 'wang',
    categoryId: 'brocade',
    title: { zh: '金花缎 寿字纹 紫色' },
    unit: 'm',
    priceFen: 14800,
    moq: 10,
    stock: 480,
    specs: fabric('杭州', '粘胶 金线', 74, 170, '紫金'),
    colors: [purple, gold],
  },
  {
    supplier: 'wang',
    categoryId: 'brocade',
    title: { zh: '织锦缎 整匹 30米 黄底', en: 'Brocade by the bolt, 30 m, yellow ground' },
    unit: 'bolt',
    priceFen: 420000,
    moq: 1,
    stock: 40,
    specs: fabric('苏州', '粘胶 金线', 74, 170, '明黄'),
    colors: [gold, red],
  },
  {
    supplier: 'wang',
    categoryId: 'silk',
    title: { zh: '杭州真丝双绉 19姆米', bo: 'ཧང་ཀྲིའུ་དར།', en: 'Hangzhou silk crepe de chine 19 momme' },
    unit: 'm',
    priceFen: 9800,
    moq: 10,
    stock: 1200,
    specs: fabric('杭州', '100% 桑蚕丝', 114, 82, '象牙白'),
    colors: [white, cream],
  },
  {
    supplier: 'wang',
    categoryId: 'silk',
    title: { zh: '真丝塔夫绸 藏红', en: 'Silk taffeta, saffron red' },
    unit: 'm',
    priceFen: 12800,
    moq: 10,
    stock: 500,
    specs: fabric('苏州', '100% 桑蚕丝', 140, 90, '藏红'),
    colors: [red, gold],
  },
  {
    supplier: 'wang',
    categoryId: 'silk',
    title: { zh: '哈达用丝绸 白色 提花', bo: 'ཁ་བཏགས་དར་དཀར།', en: 'Silk for khata scarves, white jacquard' },
    unit: 'm',
    priceFen: 4600,
    moq: 50,
    stock: 5000,
    specs: fabric('杭州', '桑蚕丝 涤纶', 50, 40, '白'),
    colors: [white, white],
  },
  {
    supplier: 'wang',
    categoryId: 'silk',
    title: { zh: '真丝里布 藏青' },
    unit: 'm',
    priceFen: 5800,
    moq: 20,
    stock: 800,
    specs: fabric('苏州', '100% 桑蚕丝', 114, 55, '藏青'),
    colors: [blue, blue],
  },
  {
    supplier: 'wang',
    categoryId: 'lining',
    title: { zh: '醋酸里料 光面 多色' },
    unit: 'm',
    priceFen: 1800,
    moq: 50,
    stock: 6000,
    specs: fabric('杭州', '醋酸纤维', 150, 70, '多色'),
    colors: [purple, blue],
  },
  {
    supplier: 'wang',
    categoryId: 'brocade',
    title: { zh: '织锦缎 新品 雪顿节款' },
    unit: 'm',
    priceFen: 17800,
    moq: 10,
    stock: 300,
    specs: fabric('苏州', '粘胶 金线', 74, 175, '橙金'),
    colors: [gold, red],
    status: 'pending_review',
  },

  // 陈丽: trims from Yiwu
  {
    supplier: 'chen',
    categoryId: 'buttons',
    title: { zh: '藏装盘扣 铜质 吉祥结', bo: 'སྒྲོག་བུ་བཀྲ་ཤིས་མདུད་པ།', en: 'Brass frog buttons, endless knot' },
    unit: 'set',
    priceFen: 650,
    moq: 100,
    stock: 20000,
    specs: { origin: '义乌', composition: '黄铜', color: '古铜' },
    colors: [gold, brown],
  },
  {
    supplier: 'chen',
    categoryId: 'buttons',
    title: { zh: '布包盘扣 手工 红色', en: 'Hand-knotted fabric frog buttons, red' },
    unit: 'set',
    priceFen: 380,
    moq: 200,
    stock: 15000,
    specs: { origin: '义乌', composition: '涤纶 缎面', color: '红', craft: ['handwoven'] },
    colors: [red, red],
  },
  {
    supplier: 'chen',
    categoryId: 'buttons',
    title: { zh: '珊瑚色树脂纽扣 18毫米' },
    unit: 'piece',
    priceFen: 35,
    moq: 1000,
    stock: 100000,
    specs: { origin: '义乌', composition: '树脂', color: '珊瑚红' },
    colors: [red, cream],
  },
  {
    supplier: 'chen',
    categoryId: 'buttons',
    title: { zh: '银色金属纽扣 藏式花纹 22毫米', en: 'Silver-tone metal buttons, Tibetan motif, 22 mm' },
    unit: 'piece',
    priceFen: 120,
    moq: 500,
    stock: 40000,
    specs: { origin: '义乌', composition: '锌合金', color: '银' },
    colors: [grey, white],
  },
  {
    supplier: 'chen',
    categoryId: 'zippers',
    title: { zh: '5号铜拉链 藏袍用 60厘米', en: 'No. 5 brass zipper, 60 cm' },
    unit: 'piece',
    priceFen: 420,
    moq: 200,
    stock: 30000,
    specs: { origin: '义乌', composition: '铜 涤纶布带', color: '黑' },
    colors: [black, gold],
  },
  {
    supplier: 'chen',
    categoryId: 'zippers',
    title: { zh: '隐形拉链 3号 多色' },
    unit: 'piece',
    priceFen: 90,
    moq: 500,
    stock: 80000,
    specs: { origin: '义乌', composition: '尼龙', color: '多色' },
    colors: [blue, red],
  },
  {
    supplier: 'chen',
    categoryId: 'lace-ribbons',
    title: { zh: '藏式织带 五彩 3厘米', bo: 'ཐག་པ་ཚོན་སྣ་ལྔ།', en: 'Tibetan woven ribbon, five colours, 3 cm' },
    unit: 'm',
    priceFen: 280,
    moq: 100,
    stock: 50000,
    specs: { origin: '义乌', composition: '涤纶', color: '五彩' },
    colors: [red, blue],
  },
  {
    supplier: 'chen',
    categoryId: 'lace-ribbons',
    title: { zh: '金线花边 藏袍镶边 5厘米' },
    unit: 'm',
    priceFen: 460,
    moq: 100,
    stock: 30000,
    specs: { origin: '义乌', composition: '涤纶 金银丝', color: '金' },
    colors: [gold, gold],
  },
  {
    supplier: 'chen',
    categoryId: 'lace-ribbons',
    title: { zh: '水溶蕾丝 白色 8厘米', en: 'Guipure lace, white, 8 cm' },
    unit: 'm',
    priceFen: 350,
    moq: 100,
    stock: 25000,
    specs: { origin: '义乌', composition: '涤纶', color: '白' },
    colors: [white, cream],
  },
  {
    supplier: 'chen',
    categoryId: 'sewing-thread',
    title: { zh: '涤纶缝纫线 402 5000码', en: 'Polyester sewing thread 40/2, 5000 yd' },
    unit: 'piece',
    priceFen: 650,
    moq: 50,
    stock: 12000,
    specs: { origin: '义乌', composition: '100% 涤纶', color: '多色' },
    colors: [blue, green],
  },
  {
    supplier: 'chen',
    categoryId: 'embroidery-thread',
    title: { zh: '真丝绣线 唐卡刺绣用 120色', bo: 'ཚེམ་དྲུབ་སྐུད་པ།', en: 'Silk embroidery floss, 120 colours, for thangka' },
    unit: 'set',
    priceFen: 36000,
    moq: 1,
    stock: 200,
    specs: { origin: '苏州', composition: '100% 桑蚕丝', color: '120色' },
    colors: [purple, gold],
  },
  {
    supplier: 'chen',
    categoryId: 'embroidery-thread',
    title: { zh: '金银线 刺绣用 20克' },
    unit: 'piece',
    priceFen: 900,
    moq: 50,
    stock: 8000,
    specs: { origin: '义乌', composition: '金属丝 涤纶', color: '金 银' },
    colors: [gold, grey],
  },
  {
    supplier: 'chen',
    categoryId: 'interlining',
    title: { zh: '有纺粘合衬 中厚', en: 'Woven fusible interlining, medium' },
    unit: 'm',
    priceFen: 520,
    moq: 100,
    stock: 20000,
    specs: fabric('义乌', '涤棉', 112, 90, '白'),
    colors: [white, grey],
  },
  {
    supplier: 'chen',
    categoryId: 'interlining',
    title: { zh: '无纺衬 薄款 黑白两色' },
    unit: 'm',
    priceFen: 180,
    moq: 200,
    stock: 60000,
    specs: fabric('义乌', '涤纶无纺', 100, 30, '黑 白'),
    colors: [black, white],
  },
  {
    supplier: 'chen',
    categoryId: 'packaging',
    title: { zh: '藏装防尘袋 无纺布 印字', en: 'Garment dust bags, printed non-woven' },
    unit: 'piece',
    priceFen: 260,
    moq: 500,
    stock: 40000,
    specs: { origin: '义乌', composition: '无纺布', color: '米色' },
    colors: [cream, brown],
  },
  {
    supplier: 'chen',
    categoryId: 'packaging',
    title: { zh: '牛皮纸吊牌 可定制 中藏双语' },
    unit: 'piece',
    priceFen: 15,
    moq: 2000,
    stock: 200000,
    specs: { origin: '义乌', composition: '牛皮纸', color: '牛皮色' },
    colors: [brown, cream],
  },
  {
    supplier: 'chen',
    categoryId: 'synthetics',
    title: { zh: '仿麂皮绒 藏靴面料', en: 'Faux suede for Tibetan boots' },
    unit: 'm',
    priceFen: 2600,
    moq: 20,
    stock: 5000,
    specs: fabric('义乌', '100% 涤纶', 148, 260, '棕'),
    colors: [brown, gold],
  },
  {
    supplier: 'chen',
    categoryId: 'cotton',
    title: { zh: '纯棉府绸 衬衫料 白色' },
    unit: 'm',
    priceFen: 1600,
    moq: 50,
    stock: 12000,
    specs: fabric('新疆', '100% 棉', 150, 110, '白'),
    colors: [white, white],
  },
  {
    supplier: 'chen',
    categoryId: 'linen',
    title: { zh: '亚麻布 本色 中厚', en: 'Linen, natural, mid-weight' },
    unit: 'm',
    priceFen: 3200,
    moq: 20,
    stock: 3000,
    specs: fabric('黑龙江', '100% 亚麻', 145, 220, '本色'),
    colors: [cream, grey],
  },

  // 卓嘎: pulu and natural dyes from Dranang
  {
    supplier: 'drolkar',
    categoryId: 'pulu',
    title: { zh: '扎囊手工氆氇 彩虹邦典', bo: 'གྲ་ནང་གི་པང་གདན།', en: 'Dranang hand-woven rainbow pangden' },
    unit: 'm',
    priceFen: 32000,
    moq: 2,
    stock: 120,
    specs: fabric('山南', '100% 羊毛', 30, 420, '彩虹', ['handwoven', 'natural-dye']),
    colors: [red, green],
  },
  {
    supplier: 'drolkar',
    categoryId: 'pulu',
    title: { zh: '氆氇 藏黑 厚款', bo: 'སྣམ་བུ་ནག་པོ།', en: 'Thick pulu, Tibetan black' },
    unit: 'm',
    priceFen: 25800,
    moq: 3,
    stock: 200,
    specs: fabric('山南', '100% 羊毛', 32, 520, '黑', ['handwoven']),
    colors: [black, grey],
  },
  {
    supplier: 'drolkar',
    categoryId: 'pulu',
    title: { zh: '氆氇 绛红 僧服料' },
    unit: 'm',
    priceFen: 24800,
    moq: 3,
    stock: 260,
    specs: fabric('山南', '100% 羊毛', 32, 480, '绛红', ['handwoven', 'natural-dye']),
    colors: [red, brown],
  },
  {
    supplier: 'drolkar',
    categoryId: 'pulu',
    title: { zh: '氆氇 十字纹 装饰用', en: 'Cross-pattern pulu for decoration' },
    unit: 'm',
    priceFen: 29800,
    moq: 2,
    stock: 90,
    specs: fabric('山南', '100% 羊毛', 30, 430, '蓝白', ['handwoven']),
    colors: [blue, white],
  },
  {
    supplier: 'drolkar',
    categoryId: 'dyes',
    title: { zh: '核桃皮天然染料 棕', bo: 'སྟར་ཀའི་ཚོན།', en: 'Walnut husk natural dye, brown' },
    unit: 'kg',
    priceFen: 18000,
    moq: 1,
    stock: 80,
    specs: { origin: '山南', composition: '核桃青皮', color: '棕', craft: ['natural-dye'] },
    colors: [brown, brown],
  },
  {
    supplier: 'drolkar',
    categoryId: 'dyes',
    title: { zh: '大黄根染料 金黄', en: 'Rhubarb root dye, golden yellow' },
    unit: 'kg',
    priceFen: 22000,
    moq: 1,
    stock: 50,
    specs: { origin: '山南', composition: '大黄根', color: '金黄', craft: ['natural-dye'] },
    colors: [gold, gold],
  },
  {
    supplier: 'drolkar',
    categoryId: 'dyes',
    title: { zh: '酸性染料 羊毛用 红 500克' },
    unit: 'piece',
    priceFen: 4800,
    moq: 5,
    stock: 400,
    specs: { origin: '浙江', composition: '酸性染料', color: '红' },
    colors: [red, purple],
  },
  {
    supplier: 'drolkar',
    categoryId: 'pulu',
    title: { zh: '氆氇围裙料 邦典 窄幅' },
    unit: 'm',
    priceFen: 21800,
    moq: 3,
    stock: 140,
    specs: fabric('山南', '100% 羊毛', 24, 380, '彩条', ['handwoven']),
    colors: [green, gold],
  },
  {
    supplier: 'drolkar',
    categoryId: 'wool',
    title: { zh: '手纺牦牛毛羊毛混纱' },
    unit: 'kg',
    priceFen: 14500,
    moq: 5,
    stock: 160,
    specs: { origin: '山南', composition: '羊毛 牦牛毛', color: '本色', craft: ['handwoven', 'yak', 'sheep'] },
    colors: [cream, brown],
  },
  {
    supplier: 'drolkar',
    categoryId: 'pulu',
    title: { zh: '氆氇 新色 藏蓝 试织' },
    unit: 'm',
    priceFen: 26800,
    moq: 3,
    stock: 40,
    specs: fabric('山南', '100% 羊毛', 30, 450, '藏蓝', ['handwoven']),
    colors: [blue, black],
    status: 'draft',
  },

  // 平措: awaiting verification, so nothing of his is on the market yet
  {
    supplier: 'phuntsok',
    categoryId: 'leather',
    title: { zh: '日喀则羊皮袄料 整张', en: 'Shigatse sheepskin for robes' },
    unit: 'piece',
    priceFen: 32000,
    moq: 5,
    stock: 80,
    specs: { origin: '日喀则', composition: '绵羊皮', color: '本色', craft: ['sheep'] },
    colors: [cream, brown],
    status: 'draft',
  },
  {
    supplier: 'phuntsok',
    categoryId: 'leather',
    title: { zh: '牛皮 藏靴底料' },
    unit: 'piece',
    priceFen: 18000,
    moq: 10,
    stock: 120,
    specs: { origin: '日喀则', composition: '黄牛皮', color: '棕' },
    colors: [brown, black],
    status: 'draft',
  },
]

/** Cheaper by the bolt: 10 % off at 5 × MOQ, 18 % off at 20 × MOQ. */
export const demoTiers = (priceFen: number, moq: number) => [
  { minQty: moq, unitPriceFen: priceFen },
  { minQty: moq * 5, unitPriceFen: Math.round(priceFen * 0.9) },
  { minQty: moq * 20, unitPriceFen: Math.round(priceFen * 0.82) },
]

/** Purchase requests of the demo buyer, with the suppliers who answer them (by key), at what price. */
export type DemoRfq = {
  title: string
  categoryId: string
  specs: string
  quantity: number
  unit: UnitId
  targetUnitPriceFen?: number
  /** Posted this many hours before now; bids close this many hours after now (negative: passed). */
  postedHoursAgo: number
  deadlineInHours: number
  sealed?: boolean
  invited?: string[]
  bids: { supplier: string; unitPriceFen: number; quantity: number; leadTimeDays: number; unit?: UnitId }[]
  outcome?: 'awarded' | 'expired'
}

export const demoRfqs: DemoRfq[] = [
  {
    title: '雪顿节藏装用金花缎 红底 300米',
    categoryId: 'brocade',
    specs: '红底金花，幅宽 74 厘米以上，吉祥八宝纹或团花纹，用于雪顿节拉萨服饰周的藏装系列。请注明交货期。',
    quantity: 300,
    unit: 'm',
    targetUnitPriceFen: 15000,
    postedHoursAgo: 30,
    deadlineInHours: 72,
    bids: [{ supplier: 'wang', unitPriceFen: 15800, quantity: 300, leadTimeDays: 12 }],
  },
  {
    title: '冬季藏袍用牦牛绒混纺面料 150米',
    categoryId: 'yak-down',
    specs: '牦牛绒含量不低于 40%，深棕或黑色，幅宽 150 厘米，克重 320 以上。',
    quantity: 150,
    unit: 'm',
    postedHoursAgo: 20,
    deadlineInHours: 120,
    bids: [{ supplier: 'dorje', unitPriceFen: 18200, quantity: 150, leadTimeDays: 7 }],
  },
  {
    title: '铜质盘扣 吉祥结 2000套',
    categoryId: 'buttons',
    specs: '黄铜或铜合金，古铜色，适合藏装斜襟。需提供样品照片。',
    quantity: 2000,
    unit: 'set',
    targetUnitPriceFen: 600,
    postedHoursAgo: 8,
    deadlineInHours: 200,
    bids: [],
  },
  {
    title: '邦典氆氇 招标 60米',
    categoryId: 'pulu',
    specs: '手工彩虹条纹邦典，幅宽 24–30 厘米，天然染色优先。招标：截止前报价互不可见。',
    quantity: 60,
    unit: 'm',
    postedHoursAgo: 40,
    deadlineInHours: 48,
    sealed: true,
    bids: [
      { supplier: 'drolkar', unitPriceFen: 29500, quantity: 60, leadTimeDays: 20 },
      { supplier: 'tsering', unitPriceFen: 27800, quantity: 40, leadTimeDays: 14 },
    ],
  },
  {
    title: '茜草天然红染料 5公斤（邀请报价）',
    categoryId: 'dyes',
    specs: '用于氆氇复染，需提供色卡。仅邀请两家老供应商报价。',
    quantity: 5,
    unit: 'kg',
    postedHoursAgo: 6,
    deadlineInHours: 96,
    invited: ['drolkar', 'tsering'],
    bids: [{ supplier: 'tsering', unitPriceFen: 31000, quantity: 5, leadTimeDays: 3 }],
  },
  {
    title: '江孜手纺羊毛纱线 100公斤',
    categoryId: 'wool',
    specs: '本白手纺纱，用于藏毯与编织外套，分两批交货亦可。',
    quantity: 100,
    unit: 'kg',
    postedHoursAgo: 120,
    deadlineInHours: -24,
    bids: [
      { supplier: 'tsering', unitPriceFen: 16500, quantity: 60, leadTimeDays: 5 },
      { supplier: 'drolkar', unitPriceFen: 8200, quantity: 80, leadTimeDays: 8, unit: 'jin' },
    ],
    outcome: 'awarded',
  },
  {
    title: '哈达用白色提花丝绸 500米',
    categoryId: 'silk',
    specs: '白色提花，幅宽 50 厘米，用于藏历新年哈达。',
    quantity: 500,
    unit: 'm',
    postedHoursAgo: 24 * 25,
    deadlineInHours: -24 * 20,
    bids: [{ supplier: 'wang', unitPriceFen: 4500, quantity: 500, leadTimeDays: 6 }],
    outcome: 'expired',
  },
]

/** Garment workshops that bought from the demo suppliers besides the demo buyer (who signs in as `lhamo`). */
export const demoBuyers = [
  {
    key: 'dawa',
    email: 'dawa@shigatse-chuba.example',
    name: '达瓦',
    company: '日喀则达瓦藏袍厂',
    phone: '13908921177',
    address: '日喀则市桑珠孜区上海中路 21 号',
  },
  {
    key: 'yudron',
    email: 'yudron@lhasa-costume.example',
    name: '玉珍',
    company: '拉萨玉珍民族服饰',
    phone: '13889015566',
    address: '拉萨市城关区北京东路 36 号',
  },
] as const

type Scores = { quality: number; onTime: number; accuracy: number; communication: number }

/**
 * Orders of the past months, each taken through payment, pickup at the stall and receipt, with the
 * buyer's rating and the supplier's reply. Whether the goods were ready on time is the market's
 * own reckoning: the listing's lead time from payment. The last is received but not yet rated.
 */
export type DemoOrder = {
  buyer: 'lhamo' | (typeof demoBuyers)[number]['key']
  /** A demo listing, by its Chinese title. */
  listing: string
  quantity: number
  placedDaysAgo: number
  /** Days from payment until the goods were ready at the stall. */
  readyAfterDays: number
  rating?: Scores & { comment?: string }
  reply?: string
}

export const demoOrders: DemoOrder[] = [
  {
    buyer: 'lhamo',
    listing: '藏装盘扣 铜质 吉祥结',
    quantity: 200,
    placedDaysAgo: 75,
    readyAfterDays: 4,
    rating: { quality: 4, onTime: 4, accuracy: 4, communication: 3, comment: '盘扣做工可以，铜色均匀；询价回复慢了些。' },
    reply: '抱歉回复慢了，现在有专人负责询价，一般半天内回复。',
  },
  {
    buyer: 'lhamo',
    listing: '八廓街传统氆氇 红黑条纹',
    quantity: 6,
    placedDaysAgo: 70,
    readyAfterDays: 2,
    rating: { quality: 5, onTime: 5, accuracy: 5, communication: 4, comment: '氆氇织得扎实，颜色正，师傅们都说好。' },
    reply: '感谢拉姆啦的信任！雪顿节前新织的一批到了再通知您。',
  },
  {
    buyer: 'dawa',
    listing: '牦牛绒混纺面料',
    quantity: 10,
    placedDaysAgo: 62,
    readyAfterDays: 3,
    rating: { quality: 5, onTime: 4, accuracy: 5, communication: 5, comment: '牦牛绒手感柔软，做冬季藏袍正合适。' },
    reply: '谢谢！今年那曲的新绒已经到了，欢迎来店里看样。',
  },
  {
    buyer: 'dawa',
    listing: '精梳羊毛面料 藏青',
    quantity: 20,
    placedDaysAgo: 55,
    readyAfterDays: 4,
    rating: { quality: 4, onTime: 4, accuracy: 5, communication: 4, comment: '面料厚实，和照片一致，包装可以再结实些。' },
    reply: '谢谢建议，已经换成双层防潮袋了。',
  },
  {
    buyer: 'yudron',
    listing: '金花缎 藏式吉祥八宝纹 红底金花',
    quantity: 20,
    placedDaysAgo: 50,
    readyAfterDays: 5,
    rating: { quality: 5, onTime: 5, accuracy: 4, communication: 5, comment: '金花缎花纹清晰，幅宽足。' },
    reply: '感谢惠顾，雪顿节款新品即将上架。',
  },
  {
    buyer: 'yudron',
    listing: '扎囊手工氆氇 彩虹邦典',
    quantity: 4,
    placedDaysAgo: 45,
    readyAfterDays: 4,
    rating: { quality: 5, onTime: 5, accuracy: 5, communication: 5, comment: '手工邦典，天然染色，很漂亮。' },
    reply: 'ཐུགས་རྗེ་ཆེ། 谢谢您的支持！',
  },
  {
    buyer: 'yudron',
    listing: '日喀则地毯羊毛 粗纺',
    quantity: 40,
    placedDaysAgo: 40,
    // The listing promises 4 days: ready on the 6th is late.
    readyAfterDays: 6,
    rating: { quality: 4, onTime: 2, accuracy: 4, communication: 3, comment: '毛质不错，但比约定晚了两天才备好货。' },
  },
  {
    buyer: 'dawa',
    listing: '阿里山羊绒 无毛绒',
    quantity: 2,
    placedDaysAgo: 35,
    readyAfterDays: 2,
    rating: { quality: 4, onTime: 5, accuracy: 4, communication: 4 },
  },
  {
    buyer: 'lhamo',
    listing: '杭州真丝双绉 19姆米',
    quantity: 10,
    placedDaysAgo: 30,
    readyAfterDays: 8,
    rating: { quality: 4, onTime: 3, accuracy: 4, communication: 4, comment: '丝绸不错，备货慢了一点。' },
  },
  {
    buyer: 'lhamo',
    listing: '羊毛缝纫线 本色',
    quantity: 100,
    placedDaysAgo: 25,
    readyAfterDays: 1,
    rating: { quality: 5, onTime: 5, accuracy: 5, communication: 5, comment: '线很匀，不起毛。' },
    reply: '欢迎再来八廓街店里看新色。',
  },
  // Received two days ago and not yet rated: the demo buyer's order page asks for a rating.
  { buyer: 'lhamo', listing: '氆氇藏袍面料 咖啡色', quantity: 3, placedDaysAgo: 4, readyAfterDays: 1 },
]

/**
 * Certifications of the demo suppliers: added by the administrator (with the certificate's photo),
 * except those marked `requested`, which wait in the administrators' queue. Expiry is in days from now.
 */
export const demoCertifications: {
  supplier: string
  kind: 'green_factory' | 'green_supply_chain' | 'green_design_product' | 'specialised'
  issuer: string
  number: string
  expiresInDays: number
  requested?: true
}[] = [
  {
    supplier: 'tsering',
    kind: 'green_factory',
    issuer: '西藏自治区工业和信息化厅',
    number: 'XZ-LSGC-2024-017',
    expiresInDays: 700,
  },
  { supplier: 'dorje', kind: 'green_supply_chain', issuer: '工业和信息化部', number: 'GYL-2025-0342', expiresInDays: 900 },
  { supplier: 'dorje', kind: 'specialised', issuer: '西藏自治区工业和信息化厅', number: 'ZJTX-XZ-2024-058', expiresInDays: 500 },
  { supplier: 'drolkar', kind: 'green_design_product', issuer: '工业和信息化部', number: 'LSSJ-2025-1186', expiresInDays: 400 },
  { supplier: 'chen', kind: 'specialised', issuer: '浙江省经济和信息化厅', number: 'ZJTX-ZJ-2023-2210', expiresInDays: 300 },
  {
    supplier: 'wang',
    kind: 'green_factory',
    issuer: '江苏省工业和信息化厅',
    number: 'JS-LSGC-2025-0093',
    expiresInDays: 800,
    requested: true,
  },
]
