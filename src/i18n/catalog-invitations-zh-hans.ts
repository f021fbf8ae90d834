/** Invitations (邀请码 / 关联本群): simplified Chinese. */
export const invitationsZhHans = {
  code_required: () => '请写上邀请码，例如：邀请码 K7P2Q9MX',
  claim_invalid: () => '这个邀请码无效、已用过或已过期。请向社区管理员要一个新的。',
  claim_group_in_private: () => '这是关联群的邀请码，请在要关联的群里发送。',
  claim_group_already_linked: () => '本群已经关联了小区。要改关联，请本小区的社区管理员发送这个邀请码。',
  claim_role_ok: (p: { estate: string; role: string; scope: string | null }) =>
    `欢迎！您已成为${p.estate}${p.scope ? p.scope : ''}的${p.role}。发“帮助”查看可以做的事。`,
  claim_group_ok: (p: { estate: string; scope: string | null }) =>
    `本群已关联到${p.estate}${p.scope ? p.scope : ''}。居民可以发“绑定 房号”开始使用，发“帮助”查看全部功能。`,
  role_grid_worker: () => '网格员',
  role_admin: () => '社区管理员',
  role_head: () => '楼栋长',
  role_panelist: () => '红“栋”力评委',
};
