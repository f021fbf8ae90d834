import type { CommandJob } from '../src/queue/job-data.js';
import { outboxKey } from '../src/queue/job-ids.js';
import { issueLoginLink, loginPath } from '../src/web/login-links.js';
import { mayUseWeb } from '../src/web/staff-context.js';
import { commandProcessor } from './run-command.js';
import type { JobInfo, WorkerDeps } from './worker-deps.js';

/** Where links point and how long they last, when the worker was not told (tests, the bench). */
const DEFAULT_WEB = { baseUrl: 'http://127.0.0.1:8080', linkMinutes: 10 };

/**
 * 登录 / /login: staff (and the scoring panel, for its form) get a one-time link to the web dashboard, in private. In a group the link
 * would be readable by everyone, so they are asked to write privately instead; the console is a
 * terminal on the operator's own machine (its one "group" is private to them), so it gets the link.
 */
export function issueLoginLinkJob(data: CommandJob, deps: WorkerDeps, info?: JobInfo): Promise<void> {
  const web = deps.web ?? DEFAULT_WEB;
  return commandProcessor('login', async (ctx) => {
    const { t } = ctx.i18n;
    if (!mayUseWeb(ctx.roles)) return ctx.reply(t('login_staff_only'));
    if (!ctx.job.isPrivate && ctx.job.platform !== 'console') return ctx.reply(t('login_private_only'));
    const token = await issueLoginLink(
      ctx.tx,
      {
        memberId: ctx.member.id,
        estateId: ctx.estate.id,
        platform: ctx.job.platform,
        chatId: ctx.job.chatId,
        isPrivate: ctx.job.isPrivate,
        locale: ctx.job.locale,
        sourceKey: ctx.job.key,
        // The reply below is this command's first message.
        outboxKey: outboxKey(ctx.job.key, 1),
      },
      ctx.now,
      web.linkMinutes,
    );
    ctx.reply(t('login_link', { url: web.baseUrl + loginPath(token), minutes: web.linkMinutes }));
  })(data, deps, info);
}
