import type { JobData, JobName } from '../src/queue/job-data.js';
import { bindHousehold } from './bind-household.js';
import { cancelReminder } from './cancel-reminder.js';
import { dailyTally, tallyNow } from './daily-tally.js';
import { fireReminder } from './fire-reminder.js';
import { listReminders } from './list-reminders.js';
import { postNoticeNow } from './post-notice-now.js';
import { postWeeklyNotice } from './post-weekly-notice.js';
import { scheduleReminder } from './schedule-reminder.js';
import { urgeArrears } from './urge-arrears.js';
import { claimPayment } from './claim-payment.js';
import { collectPayment } from './collect-payment.js';
import { confirmRef, rejectRef } from './decide.js';
import { listUnpaid } from './list-unpaid.js';
import { acceptTicket } from './accept-ticket.js';
import { attachPhoto } from './attach-photo.js';
import { fileTicket } from './file-ticket.js';
import { listTickets } from './list-tickets.js';
import { rateTicket } from './rate-ticket.js';
import { resolveTicket } from './resolve-ticket.js';
import { ticketSlaSweep } from './ticket-sla-sweep.js';
import { claimInvitation } from './claim-invitation.js';
import { noteChat } from './note-chat.js';
import { recordDeliveries, recordDelivery } from './record-delivery.js';
import { showStatus } from './show-status.js';
import { listVisits } from './list-visits.js';
import { notePatrol } from './note-patrol.js';
import { noteToTicket } from './note-to-ticket.js';
import { patrolLocation } from './patrol-location.js';
import { patrolSweep } from './patrol-sweep.js';
import { recordVisit } from './record-visit.js';
import { showPatrol } from './show-patrol.js';
import { startPatrol } from './start-patrol.js';
import { stopPatrol } from './stop-patrol.js';
import { answerSurvey } from './answer-survey.js';
import { chaseSurvey } from './chase-survey.js';
import { createSurvey } from './create-survey.js';
import { monthlyReport } from './monthly-report.js';
import { surveyProgress } from './survey-progress.js';
import { surveyResults } from './survey-results.js';
import { issueLoginLinkJob } from './issue-login-link.js';
import type { JobInfo, WorkerDeps } from './worker-deps.js';

/** A processor for each job name: the compiler checks none is missing. */
export type Processors = { [K in JobName]: (data: JobData[K], deps: WorkerDeps, info: JobInfo) => Promise<void> };

export const processors = {
  bind: bindHousehold,
  pay: claimPayment,
  confirm: confirmRef,
  reject: rejectRef,
  collect: collectPayment,
  status: showStatus,
  unpaid: listUnpaid,
  complain: fileTicket,
  accept: acceptTicket,
  resolve: resolveTicket,
  rate: rateTicket,
  tickets: listTickets,
  remind: scheduleReminder,
  reminders: listReminders,
  cancel: cancelReminder,
  urge: urgeArrears,
  tally: tallyNow,
  notice: postNoticeNow,
  'post-weekly-notice': postWeeklyNotice,
  'daily-tally': dailyTally,
  'fire-reminder': fireReminder,
  'attach-photo': attachPhoto,
  'ticket-sla-sweep': ticketSlaSweep,
  'record-delivery': recordDelivery,
  'record-deliveries': recordDeliveries,
  'note-chat': noteChat,
  claim: claimInvitation,
  'patrol-start': startPatrol,
  'patrol-stop': stopPatrol,
  'patrol-status': showPatrol,
  'patrol-note': notePatrol,
  'to-ticket': noteToTicket,
  visit: recordVisit,
  visits: listVisits,
  'patrol-location': patrolLocation,
  'patrol-sweep': patrolSweep,
  'survey-new': createSurvey,
  'survey-answer': answerSurvey,
  'survey-progress': surveyProgress,
  'survey-results': surveyResults,
  'survey-chase': chaseSurvey,
  report: monthlyReport,
  login: issueLoginLinkJob,
} satisfies Processors;
