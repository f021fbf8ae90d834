import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { ChatAddress } from '../messages/incoming-message.js';
import { NoticeBatch, notifyAddress } from '../tickets/notify.js';
import { householdMembers, type HouseholdMember } from './household-members.js';

/** What a household is told: with sums in private, one line without them in a group. */
export interface HouseholdTexts {
  privately: string;
  inGroup: string;
}

/**
 * Tell a household's bound members something about their account: privately (with sums) where
 * their platform allows, else one line in the chat the command came from with an @mention and
 * no sum beside it (`inGroup`). Nothing goes to a staff member's private chat on their behalf.
 */
export async function tellHousehold(
  db: Kysely<Database> | Transaction<Database>,
  batch: NoticeBatch,
  householdId: number,
  origin: ChatAddress & { isPrivate: boolean },
  texts: HouseholdTexts,
  except: number[] = [],
): Promise<void> {
  tellMembers(batch, await householdMembers(db, householdId), origin, texts, except);
}

/** `tellHousehold` for a caller that read the household's members (`householdMembers`) with something else. */
export function tellMembers(
  batch: NoticeBatch,
  members: readonly HouseholdMember[],
  origin: ChatAddress & { isPrivate: boolean },
  texts: HouseholdTexts,
  except: number[] = [],
): void {
  for (const m of members) {
    if (except.includes(m.id)) continue;
    const to = notifyAddress(m, origin);
    // notifyAddress hands back the origin itself where the platform has no private chats.
    if (to !== origin) batch.add(to, texts.privately);
    else if (!origin.isPrivate) batch.add(to, texts.inGroup, [m.platformUserId]);
  }
}

export { NoticeBatch };
