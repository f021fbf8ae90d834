import { cleanText } from './clean-text.js';
import { foldText } from './fold-text.js';

/** What a ticket is about. Codes are stable (stored, and mapped to Open311 service codes). */
export const TICKET_CATEGORIES = [
  'flying_wire', 'fire_lane', 'leak_drain', 'lighting_wiring', 'environment', 'clutter', 'noise', 'greenery', 'security', 'other',
] as const;

export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

/** True for a known category code. */
export function isTicketCategory(s: string): s is TicketCategory {
  return (TICKET_CATEGORIES as readonly string[]).includes(s);
}

// First match wins, so the order matters: flying-wire charging before wiring, a car in the
// fire lane before clutter, clutter in the stairwell before rubbish. Words are in folded
// (simplified, lower-case) form; English words for slash commands.
const RULES: readonly [TicketCategory, readonly string[]][] = [
  ['flying_wire', ['飞线', '私拉电线', '私拉乱接', '拉线充电', '楼道充电', '楼上充电', '家里充电', '电瓶车充电', '电动车充电', '电动车进楼', '电瓶车进楼', '电动车上楼', '上楼充电', '推进电梯', 'e-bike charg', 'charging an e-bike', 'charging e-bike', 'charging his e-bike', 'charging her e-bike', 'charging their e-bike', 'charging cable', 'flying wire']],
  ['fire_lane', ['消防通道', '消防车道', '生命通道', '占道', '乱停', '停车', '车辆', '占用车位', '被车', '一辆车', '僵尸车', '挡住出口', 'fire lane', 'parking', 'parked', ' car ']],
  ['leak_drain', ['漏水', '漏雨', '滴水', '滴到', '滴在', '反水', '地漏', '马桶', '渗水', '滲水', '水管', '爆管', '下水道', '下水', '堵塞', '堵了', '污水', '化粪池', '积水', '冒水', '没水', '停水', '水压', 'leak', 'drain', 'sewage', 'flood', 'water']],
  ['lighting_wiring', ['路灯', '楼道灯', '灯不亮', '灯坏', '声控灯', '电线', '线路', '停电', '跳闸', '漏电', '电箱', '电表', 'light', 'lamp', 'wiring', 'power cut', 'electric']],
  ['clutter', ['杂物', '纸壳', '破烂', '堆满', '堆放', '堆物', '乱堆', '乱放', '楼道堆', '占用楼道', '纸箱', '旧家具', 'clutter', 'stairwell', 'corridor']],
  ['environment', ['垃圾', '烧垃圾', '尿骚', '异味', '落叶', '卫生', '脏', '臭', '苍蝇', '蚊子', '老鼠', '蟑螂', '狗屎', '粪便', '清扫', '保洁', '垃圾桶', 'rubbish', 'garbage', 'trash', 'litter', 'dirty', 'smell', 'rats']],
  ['noise', ['噪音', '晚上叫', '狗叫', 'bark', '敲敲打打', '凌晨', '深夜', '唱歌', '电钻', '噪声', '吵', '装修声', '广场舞', '喇叭', '半夜', 'noise', 'noisy', 'loud']],
  ['greenery', ['绿化', '挡光', '长到', '树枝', '树木', '大树', '修剪', '草坪', '草坪', '杂草', '花坛', '倒树', 'tree', 'grass', 'hedge', 'garden']],
  ['security', ['门禁', '大门', '单元门', '防盗门', '监控', '摄像头', '道闸', '陌生人', '小偷', '被盗', '偷', '门锁', '围墙', 'gate', 'door', 'lock', 'cctv', 'camera', 'theft', 'stolen', 'security']],
];

const PLACES_NAMED_LIKE_PROBLEMS = /卫生间|停车场/g;

/** The category a complaint is about, from its words; 'other' when nothing matches. */
export function classifyComplaint(text: string): TicketCategory {
  // Places named after what is done there are not what the complaint is about: 卫生间 is not
  // sanitation, 停车场 is not parking (停车场积水了 is a drain).
  const folded = ` ${foldText(cleanText(text)).replace(PLACES_NAMED_LIKE_PROBLEMS, '场所')} `;
  for (const [category, words] of RULES) {
    if (words.some((w) => folded.includes(w))) return category;
  }
  return 'other';
}

// Words staff may use to re-categorise ('分类 T7 漏水'): every category's own name in both
// languages, plus the classifier's words.
const NAMES: Record<TicketCategory, readonly string[]> = {
  flying_wire: ['飞线充电', '飞线', 'flying_wire', 'flying-wire'],
  fire_lane: ['消防通道', '车辆', '停车', 'fire_lane', 'parking'],
  leak_drain: ['漏水', '下水道', '管道', 'leak_drain', 'leak', 'drain'],
  lighting_wiring: ['照明', '电线', '路灯', 'lighting_wiring', 'lighting', 'wiring'],
  environment: ['环境卫生', '卫生', '垃圾', 'environment', 'sanitation'],
  clutter: ['楼道杂物', '杂物', 'clutter'],
  noise: ['噪音', 'noise'],
  greenery: ['绿化', 'greenery'],
  security: ['门禁安全', '门禁', '安全', 'security'],
  other: ['其他', '其它', 'other'],
};

/** A category named by staff, by its name or a word that implies it; null if none. */
export function categoryNamed(text: string): TicketCategory | null {
  const folded = foldText(cleanText(text)).replace(/\s+/g, '');
  if (folded === '') return null;
  for (const c of TICKET_CATEGORIES) if (NAMES[c].some((n) => folded === n)) return c;
  for (const c of TICKET_CATEGORIES) if (NAMES[c].some((n) => folded.includes(n))) return c;
  const guessed = classifyComplaint(text);
  return guessed === 'other' ? null : guessed;
}
