/**
 * Reminder times as people say them, rewritten to the forms the reminder parser reads: fused
 * day parts (今晚8点 → 今天晚上8点, 明早 → 明天早上), traditional characters in the time words
 * (每週一, 8點), 零 in minutes (八点零五分), and English (tomorrow 18:00, every Monday 8:00, 6pm).
 */
export function canonicalReminderText(text: string): string {
  let s = text.normalize('NFKC').trim();
  s = s.replace(/^(今|明|后|後)(晚|早)(?:上)?/, (_m, d: string, p: string) => `${d === '今' ? '今天' : d === '明' ? '明天' : '后天'}${p === '晚' ? '晚上' : '早上'}`);
  s = s.replace(/^後天/, '后天').replace(/^(每|下)?(?:週|禮拜|礼拜|星期)/, (_m, p: string | undefined) => `${p ?? ''}周`);
  s = s.replace(/點/g, '点').replace(/(点)[零〇](?=[一二三四五六七八九\d])/, '$1');
  s = s.replace(/^(今天|明天|后天)\s*(早上|上午|中午|下午|晚上|傍晚)?\s*(早上|上午|中午|下午|晚上|傍晚)/, '$1$3');
  return english(s);
}

const EN_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const CN_DAYS = ['日', '一', '二', '三', '四', '五', '六'];

function english(s: string): string {
  const lower = s.toLowerCase();
  let head = '';
  let rest = s;
  const day = /^(every\s+day|daily|today|tonight|tomorrow|every\s+(\w+)|next\s+(\w+)|on\s+(\w+)|(\w+day))\b\s*/i.exec(lower);
  if (!day) return s;
  const word = day[1];
  const named = (w: string | undefined) => (w === undefined ? -1 : EN_DAYS.findIndex((d) => d === w || d.slice(0, 3) === w));
  if (/^(every\s+day|daily)$/.test(word)) head = '每天';
  else if (word === 'today') head = '今天';
  else if (word === 'tonight') head = '今天晚上';
  else if (word === 'tomorrow') head = '明天';
  else if (day[2] !== undefined && named(day[2]) >= 0) head = `每周${CN_DAYS[named(day[2])]}`;
  else if (day[3] !== undefined && named(day[3]) >= 0) head = `下周${CN_DAYS[named(day[3])]}`;
  else if (named(day[4] ?? day[5]) >= 0) head = `周${CN_DAYS[named(day[4] ?? day[5])]}`;
  else return s;
  rest = s.slice(day[0].length);
  // 6pm, 6:30 pm, 8 am → 24-hour time; "at" before a time is dropped.
  rest = rest.replace(/^at\s+/i, '').replace(/^(\d{1,2})(?::(\d{2}))?\s*(am|pm)\b/i, (_m, h: string, mm: string | undefined, ap: string) => {
    let hour = Number(h) % 12;
    if (ap.toLowerCase() === 'pm') hour += 12;
    return `${hour}:${mm ?? '00'}`;
  });
  return `${head} ${rest}`;
}
