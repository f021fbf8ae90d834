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
import { offerTicket } from './offer-ticket.js';
import { postChain } from './post-chain.js';
import { takeOfferJob } from './take-offer.js';
import { listTickets } from './list-tickets.js';
import { rateTicket } from './rate-ticket.js';
import { resolveTicket } from './resolve-ticket.js';
import { ticketSlaSweep } from './ticket-sla-sweep.js';
import { claimInvitation } from './claim-invitation.js';
import { noteChat, noteChats } from './note-chat.js';
import { noteMember, noteMembers } from './note-member.js';
import { recordDeliveries, recordDelivery } from './record-delivery.js';
import { showStatus } from './show-status.js';
import { handleAppeal } from './handle-appeal.js';
import { publishScores } from './publish-scores.js';
import { recordBonus } from './record-bonus.js';
import { recordScores } from './record-scores.js';
import { scoringEvidence } from './scoring-evidence.js';
import { scoringTick } from './scoring-tick.js';
import { showScoringRules } from './show-scoring-rules.js';
import { showUnitScore } from './show-unit-score.js';
import { listVisits } from './list-visits.js';
import { notePatrol } from './note-patrol.js';
import { noteToTicket } from './note-to-ticket.js';
import { patrolLocation } from './patrol-location.js';
import { patrolSweep } from './patrol-sweep.js';
import { claimsDigest } from './claims-digest.js';
import { committeeSweep } from './committee-sweep.js';
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
import { amendPayment, voidPayment } from './correct-payment.js';
import { rebookCollection } from './collect-payment.js';
import { showReceipt } from './show-receipt.js';
import { exportLedgerJob } from './export-ledger.js';
import { listPending } from './list-pending.js';
import { castBallot } from './cast-ballot.js';
import { councilSweep } from './council-sweep.js';
import { enterPaperBallot } from './enter-paper-ballot.js';
import { listNotVoted } from './list-not-voted.js';
import { openDecision } from './open-decision.js';
import { openPoll } from './open-poll.js';
import { propose } from './propose.js';
import { recordMinutes } from './record-minutes.js';
import { recordResolution } from './record-resolution.js';
import { reportProgress } from './report-progress.js';
import { scheduleMeeting } from './schedule-meeting.js';
import { setRelation } from './set-relation.js';
import { mergeProposalJob } from './merge-proposal.js';
import { declineProposalJob } from './decline-proposal.js';
import { nudgeVoters } from './nudge-voters.js';
import { recordNoticeVisit } from './record-notice-visit.js';
import { setFloorAreaJob } from './set-floor-area.js';
import { supportProposal } from './support-proposal.js';
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
  offer: offerTicket,
  chain: postChain,
  'offer-yes': takeOfferJob,
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
  'note-chats': noteChats,
  'note-member': noteMember,
  'note-members': noteMembers,
  claim: claimInvitation,
  scoring_rules: showScoringRules,
  score: recordScores,
  unit_score: showUnitScore,
  appeal: handleAppeal,
  evidence: scoringEvidence,
  bonus: recordBonus,
  publish_scores: publishScores,
  'scoring-tick': scoringTick,
  'patrol-start': startPatrol,
  'patrol-stop': stopPatrol,
  'patrol-status': showPatrol,
  'patrol-note': notePatrol,
  'to-ticket': noteToTicket,
  visit: recordVisit,
  visits: listVisits,
  'patrol-location': patrolLocation,
  'patrol-sweep': patrolSweep,
  'claims-digest': claimsDigest,
  'committee-sweep': committeeSweep,
  'survey-new': createSurvey,
  'survey-answer': answerSurvey,
  'survey-progress': surveyProgress,
  'survey-results': surveyResults,
  'survey-chase': chaseSurvey,
  report: monthlyReport,
  login: issueLoginLinkJob,
  void: voidPayment,
  amend: amendPayment,
  rebook: rebookCollection,
  receipt: showReceipt,
  pending: listPending,
  'export-ledger': exportLedgerJob,
  propose,
  support: supportProposal,
  meeting: scheduleMeeting,
  minutes: recordMinutes,
  resolution: recordResolution,
  progress: reportProgress,
  vote: openDecision,
  poll: openPoll,
  ballot: castBallot,
  paper: enterPaperBallot,
  notvoted: listNotVoted,
  relation: setRelation,
  'merge-proposal': mergeProposalJob,
  'decline-proposal': declineProposalJob,
  'nudge-voters': nudgeVoters,
  'notice-delivered': recordNoticeVisit,
  'floor-area': setFloorAreaJob,
  'council-sweep': councilSweep,
} satisfies Processors;
