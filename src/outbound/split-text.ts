/** Split a text into pieces of at most `max` characters, on line boundaries where possible. */
export function splitText(text: string, max: number): string[] {
  const chars = Array.from(text);
  if (chars.length <= max) return [text];
  const pieces: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    let rest = Array.from(line);
    // A line longer than the limit is cut hard; nothing else can be done with it.
    while (rest.length > max) {
      if (current.length) pieces.push(current.join('\n'));
      current = [];
      pieces.push(rest.slice(0, max).join(''));
      rest = rest.slice(max);
    }
    const candidate = [...current, rest.join('')].join('\n');
    if (Array.from(candidate).length > max) {
      pieces.push(current.join('\n'));
      current = [rest.join('')];
    } else {
      current.push(rest.join(''));
    }
  }
  if (current.length) pieces.push(current.join('\n'));
  return pieces.filter((p) => p.length > 0);
}
