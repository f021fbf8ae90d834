import type { invitationsZhHans } from './catalog-invitations-zh-hans.js';

/** Invitations: English. */
export const invitationsEn: { [K in keyof typeof invitationsZhHans]: (typeof invitationsZhHans)[K] } = {
  code_required: () => 'Please give the invitation code, e.g. /claim K7P2Q9MX',
  claim_invalid: () => 'That code is not valid, already used, or expired. Ask your community admin for a new one.',
  claim_group_in_private: () => 'That code links a group: send it in the group you want to link.',
  claim_group_already_linked: () => 'This group is already linked to an estate. To change that, a community admin of the estate must send the code.',
  claim_role_ok: (p) => `Welcome! You are now ${p.role} of ${p.estate}${p.scope ? ` (${p.scope})` : ''}. Send /help to see what you can do.`,
  claim_group_ok: (p) => `This group is now linked to ${p.estate}${p.scope ? ` (${p.scope})` : ''}. Residents can start with /bind 8-2-301; /help shows everything.`,
  role_grid_worker: () => 'grid worker',
  role_admin: () => 'community admin',
  role_head: () => 'building head',
  role_panelist: () => 'civility scoring panelist',
};
