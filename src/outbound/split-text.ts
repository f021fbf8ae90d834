/** How a platform counts a message: its text, and what each @mention adds to it. */
export interface MessageMeasure {
  /** The text's length as the platform counts it (Telegram: UTF-16 code units). */
  length(text: string): number;
  /** What one @mention of this user adds (the label the platform shows, and its separator). */
  mention(userId: string): number;
}

/** Code points, and no cost for mentions: the measure of a platform that states no other. */
export const CODE_POINTS: MessageMeasure = { length: (t) => Array.from(t).length, mention: () => 0 };

/** One message as it goes out: text and the mentions that belong to it. */
export interface MessagePart {
  text: string;
  mentions: string[];
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Cut a line into pieces of at most `room` by the measure, never inside a character or an emoji sequence. */
function cutLine(line: string, room: number, measure: MessageMeasure): string[] {
  const out: string[] = [];
  let current = '';
  for (const { segment } of graphemes.segment(line)) {
    if (current && measure.length(current + segment) > room) {
      out.push(current);
      current = '';
    }
    current += segment;
  }
  if (current || out.length === 0) out.push(current);
  return out;
}

/**
 * Split a message into parts the platform takes, measured as the platform measures them, with
 * mentions included: each mention goes in the part holding the line it belongs to
 * (`mentionLines[i]` is the line of `mentions[i]`; without it every mention goes with the first
 * line). Lines stay whole where they fit; a longer line is cut between characters.
 */
export function splitMessage(text: string, mentions: readonly string[], mentionLines: readonly number[] | null | undefined, max: number, measure: MessageMeasure = CODE_POINTS): MessagePart[] {
  const lines = text.split('\n');
  const byLine = lines.map((): string[] => []);
  for (const [i, id] of mentions.entries()) byLine[Math.min(Math.max(mentionLines?.[i] ?? 0, 0), lines.length - 1)].push(id);
  const cost = (ids: readonly string[]) => ids.reduce((s, id) => s + measure.mention(id), 0);
  const whole = measure.length(text) + cost(mentions);
  if (whole <= max) return [{ text, mentions: [...mentions] }];

  // Units that each fit on their own: a line with its mentions, or the pieces of one that does not.
  const units: Array<MessagePart & { bare?: true }> = [];
  lines.forEach((line, i) => {
    let ids = byLine[i];
    // More mentions than one message holds: they go out in parts of their own, before the line.
    while (cost(ids) > max / 2 && ids.length > 1) {
      let n = 0;
      while (n < ids.length && cost(ids.slice(0, n + 1)) <= max / 2) n++;
      n = Math.max(n, 1);
      units.push({ text: '', mentions: ids.slice(0, n), bare: true });
      ids = ids.slice(n);
    }
    const room = max - cost(ids);
    const pieces = measure.length(line) <= room ? [line] : cutLine(line, room, measure);
    for (const [k, p] of pieces.entries()) units.push({ text: p, mentions: k === 0 ? ids : [] });
  });

  const parts: MessagePart[] = [];
  let current: (MessagePart & { bare?: true }) | null = null;
  const size = (p: MessagePart) => measure.length(p.text) + cost(p.mentions);
  for (const u of units) {
    if (current) {
      const joined: MessagePart = { text: current.bare ? u.text : u.bare ? current.text : `${current.text}\n${u.text}`, mentions: [...current.mentions, ...u.mentions] };
      if (size(joined) <= max) {
        current = current.bare && u.bare ? { ...joined, bare: true } : joined;
        continue;
      }
      parts.push(current);
    }
    current = { ...u, mentions: [...u.mentions] };
  }
  if (current) parts.push(current);
  return parts.filter((p) => p.text.trim() !== '' || p.mentions.length > 0).map((p) => ({ text: p.text, mentions: p.mentions }));
}

/** Split a text into pieces of at most `max` characters (code points), on line boundaries where possible. */
export function splitText(text: string, max: number): string[] {
  return splitMessage(text, [], null, max).map((p) => p.text);
}
