const MAX_ID = 2_147_483_647;

/** The id of a ref such as 'P12'; null when beyond a Postgres integer (then simply not found). */
export function parseRefId(ref: string): number | null {
  const id = Number(ref.slice(1));
  return Number.isSafeInteger(id) && id > 0 && id <= MAX_ID ? id : null;
}
