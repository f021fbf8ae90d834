import { describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../src/adapters/console/console-adapter.js';
import { CONSOLE_CHAT_ID, consoleUserId } from '../src/adapters/console/identity.js';

describe('console mentions', () => {
  it('shows a member it has not seen this session as a neighbour, never as the internal id', async () => {
    const lines: string[] = [];
    const console = new ConsoleAdapter((s) => lines.push(s));
    console.toMessage('向大叔: 查询', new Date());
    const unseen = consoleUserId('路人乙');
    await console.port.send(CONSOLE_CHAT_ID, '请尽快缴纳', [consoleUserId('向大叔'), unseen]);
    expect(lines).toEqual(['linli: @向大叔 @邻居 请尽快缴纳\n']);
    expect(lines.join('')).not.toContain(unseen);
  });
});
