import { Hono, type Context } from 'hono';
import { translator } from '../i18n/translator.js';
import { TICKET_CATEGORIES } from '../text/ticket-categories.js';
import { categoryLabel } from '../tickets/describe.js';
import { ticketIdOf, ticketRef } from '../tickets/repository.js';
import { open311Status } from '../tickets/statuses.js';
import type { WebDeps } from './web-deps.js';
import type { WebEnv } from './web-env.js';

const MAX_REQUESTS = 1000;
const DEFAULT_DAYS = 90;

function t311(c: Context) {
  return translator(c.req.query('locale') === 'en' ? 'en' : 'zh-Hans').t;
}

function bad(c: Context, code: number, description: string) {
  return c.json([{ code, description }], code as 400 | 404);
}

/**
 * Open311 GeoReport v2, read only: services are the ticket categories, requests are tickets.
 * No personal data: no reporter, no owner, no free text (a complaint may name a neighbour);
 * a ticket's place is its estate and building. `jurisdiction_id` is an estate code.
 */
export function open311Routes(deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();

  const estateOf = async (c: Context) => {
    const j = c.req.query('jurisdiction_id');
    if (j === undefined) return { id: null as number | null };
    const e = await deps.db.selectFrom('estates').select('id').where('code', '=', j).executeTakeFirst();
    return e ? { id: e.id } : null;
  };

  app.get('/services.json', (c) => {
    const t = t311(c);
    return c.json(
      TICKET_CATEGORIES.map((code) => ({
        service_code: code,
        service_name: categoryLabel(t, code),
        description: categoryLabel(t, code),
        metadata: false,
        type: 'realtime',
        keywords: '',
        group: '',
      })),
    );
  });

  const requestsQuery = () =>
    deps.db
      .selectFrom('tickets as t')
      .innerJoin('estates as e', 'e.id', 't.estate_id')
      .leftJoin('buildings as b', 'b.id', 't.building_id')
      .leftJoin('zones as z', 'z.id', 't.zone_id')
      .select(['t.id', 't.category', 't.status', 't.cycle', 't.escalation_level', 't.created_at', 't.updated_at', 't.resolve_due_at', 'e.name as estate', 'e.code as estate_code', 'b.code as building', 'z.name as zone']);

  type Row = Awaited<ReturnType<ReturnType<typeof requestsQuery>['execute']>>[number];
  const toRequest = (t: ReturnType<typeof t311>, r: Row) => {
    const s = open311Status(r);
    return {
      service_request_id: ticketRef(r.id),
      status: s.status,
      status_notes: s.subStatus,
      service_name: categoryLabel(t, r.category),
      service_code: r.category,
      description: categoryLabel(t, r.category),
      agency_responsible: r.zone ?? r.estate,
      service_notice: '',
      requested_datetime: r.created_at.toISOString(),
      updated_datetime: r.updated_at.toISOString(),
      expected_datetime: s.status === 'open' ? r.resolve_due_at.toISOString() : null,
      address: r.building ? `${r.estate} ${r.building}` : r.estate,
      address_id: r.building ? `${r.estate_code}-${r.building}` : r.estate_code,
      zipcode: null,
      jurisdiction_id: r.estate_code,
      media_url: null,
    };
  };

  app.get('/requests.json', async (c) => {
    const estate = await estateOf(c);
    if (!estate) return bad(c, 404, 'unknown jurisdiction_id');
    const status = c.req.query('status');
    const statuses = status ? status.split(',').map((s) => s.trim()) : null;
    if (statuses && statuses.some((s) => s !== 'open' && s !== 'closed')) return bad(c, 400, 'status must be open or closed');
    const codes = c.req.query('service_code')?.split(',').map((s) => s.trim()) ?? null;
    const ids = c.req.query('service_request_id')?.split(',').map((s) => ticketIdOf(s.trim().toUpperCase()) ?? ticketIdOf(`T${s.trim()}`) ?? -1) ?? null;
    const parseDate = (k: string) => {
      const v = c.req.query(k);
      if (v === undefined) return undefined;
      const d = new Date(v);
      return Number.isNaN(d.getTime()) ? null : d;
    };
    const start = parseDate('start_date');
    const end = parseDate('end_date');
    if (start === null || end === null) return bad(c, 400, 'start_date and end_date must be w3c date-times');
    const now = deps.clock.now();
    // GeoReport's default window: the last 90 days, unless ids or dates are asked for.
    const from = start ?? (ids ? undefined : new Date((end ?? now).getTime() - DEFAULT_DAYS * 24 * 3600_000));
    const rows = await requestsQuery()
      .$if(estate.id !== null, (q) => q.where('t.estate_id', '=', estate.id!))
      .$if(codes !== null, (q) => q.where('t.category', 'in', codes!))
      .$if(ids !== null, (q) => q.where('t.id', 'in', ids!))
      .$if(statuses !== null && statuses.length === 1, (q) => q.where('t.status', 'in', statuses![0] === 'open' ? ['open', 'accepted'] : ['resolved', 'closed']))
      .$if(from !== undefined, (q) => q.where('t.created_at', '>=', from!))
      .$if(end !== undefined, (q) => q.where('t.created_at', '<=', end!))
      .orderBy('t.id', 'desc')
      .limit(MAX_REQUESTS)
      .execute();
    const t = t311(c);
    return c.json(rows.map((r) => toRequest(t, r)));
  });

  app.get('/requests/:id{.+\\.json}', async (c) => {
    const raw = c.req.param('id').replace(/\.json$/, '').toUpperCase();
    const id = ticketIdOf(raw) ?? ticketIdOf(`T${raw}`);
    const estate = await estateOf(c);
    if (!estate) return bad(c, 404, 'unknown jurisdiction_id');
    const row = id === null ? undefined : await requestsQuery().where('t.id', '=', id).$if(estate.id !== null, (q) => q.where('t.estate_id', '=', estate.id!)).executeTakeFirst();
    if (!row) return bad(c, 404, 'no such service request');
    return c.json([toRequest(t311(c), row)]);
  });
  return app;
}
