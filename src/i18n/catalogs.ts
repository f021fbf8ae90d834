import { adaptersEn } from './catalog-adapters-en.js';
import { adaptersZhHans } from './catalog-adapters-zh-hans.js';
import { en } from './catalog-en.js';
import { invitationsEn } from './catalog-invitations-en.js';
import { invitationsZhHans } from './catalog-invitations-zh-hans.js';
import { ticketsEn } from './catalog-tickets-en.js';
import { ticketsZhHans } from './catalog-tickets-zh-hans.js';
import { noticesEn } from './catalog-notices-en.js';
import { noticesZhHans } from './catalog-notices-zh-hans.js';
import { reliabilityEn } from './catalog-reliability-en.js';
import { reliabilityZhHans } from './catalog-reliability-zh-hans.js';
import { scoringEn } from './catalog-scoring-en.js';
import { scoringZhHans } from './catalog-scoring-zh-hans.js';
import { talkEn } from './catalog-talk-en.js';
import { talkZhHans } from './catalog-talk-zh-hans.js';
import { webEn } from './catalog-web-en.js';
import { webZhHans } from './catalog-web-zh-hans.js';
import { zhHans } from './catalog-zh-hans.js';
import { gridEn } from './catalog-grid-en.js';
import { gridZhHans } from './catalog-grid-zh-hans.js';
import { surveyEn } from './catalog-survey-en.js';
import { surveyZhHans } from './catalog-survey-zh-hans.js';
import { councilEn } from './catalog-council-en.js';
import { councilZhHans } from './catalog-council-zh-hans.js';
import { ledgerEn } from './catalog-ledger-en.js';
import { ledgerZhHans } from './catalog-ledger-zh-hans.js';
import { committeeEn } from './catalog-committee-en.js';
import { committeeZhHans } from './catalog-committee-zh-hans.js';

// Each feature keeps its messages in its own catalogue pair (zh-Hans + en, same keys);
// they are merged here. zh-Hant is converted from zh-Hans.
export const ZH_HANS = { ...zhHans, ...adaptersZhHans, ...reliabilityZhHans, ...ticketsZhHans, ...noticesZhHans, ...invitationsZhHans, ...webZhHans, ...councilZhHans, ...ledgerZhHans, ...talkZhHans, ...scoringZhHans, ...gridZhHans, ...surveyZhHans, ...committeeZhHans };
export const EN = { ...en, ...adaptersEn, ...reliabilityEn, ...ticketsEn, ...noticesEn, ...invitationsEn, ...webEn, ...councilEn, ...ledgerEn, ...talkEn, ...scoringEn, ...gridEn, ...surveyEn, ...committeeEn } satisfies { [K in keyof typeof ZH_HANS]: (...a: never[]) => string };

export type CatalogKey = keyof typeof ZH_HANS;
export type Catalog = typeof ZH_HANS;
