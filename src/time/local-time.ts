/** A moment as the estate's people read it, in their time zone. */
export interface LocalTime {
  zh: string;
  en: string;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** 2026-11-20T12:30Z in Asia/Shanghai → 11月20日 20:30 / 20 Nov 20:30. Times are stored in UTC. */
export function localTime(at: Date, timeZone: string): LocalTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const month = Number(get('month'));
  const day = Number(get('day'));
  const hm = `${get('hour')}:${get('minute')}`;
  return { zh: `${month}月${day}日 ${hm}`, en: `${day} ${EN_MONTHS[month - 1]} ${hm}` };
}
