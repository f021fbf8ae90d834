import type { ArgumentReader } from '../command-row.js';
import { originalText, restFolded, withText } from '../parse-input.js';
import { command } from '../parsed-command.js';
import { LOOKS_LIKE_REF, refAt, refWithNote } from './read-ref.js';

const TICKET_FILTERS = [
  '全部', '所有', '未处理', '待处理', '待受理', '未受理', '处理中', '已受理', '已完成', '已解决',
  '未完成', '未解决', '我的', '今天', '本周', 'open', 'closed', 'all', 'mine', 'pending', 'done',
];

const ticketWithNote = refWithNote<'tickets'>('T');

/** 工单, 工单 未处理 (a filter), 工单 T7 (one ticket), 工单 T7 分类 漏水 (staff re-categorise). */
export const readTickets: ArgumentReader<'tickets'> = (msg, rest, how) => {
  const folded = restFolded(msg, rest);
  if (folded === '') return command('tickets', {});
  if (refAt(msg.folded, rest.start) !== null || LOOKS_LIKE_REF.test(folded)) return ticketWithNote(msg, rest, how);
  if (rest.slash || TICKET_FILTERS.includes(folded)) return withText('tickets', { text: originalText(msg, rest.start) });
  return null;
};
