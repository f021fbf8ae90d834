import type { StaffContext } from './staff-context.js';

/** Hono's typing of what a request carries: the signed-in staff member on staff pages. */
export type WebEnv = { Variables: { staff: StaffContext } };

/** The session cookie's name. */
export const SESSION_COOKIE = 'linli_session';
