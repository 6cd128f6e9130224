// The city's 专项 campaigns (issue #14; DOMAIN.md §6): made by the city bureau for a period and
// some counties, matters of those counties attached to them, and each one's 化解率 per county and
// in total by the domain's formula (campaignResolution: the petitioner stopped, 息诉罢访).
import { randomUUID } from 'node:crypto';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { AttachMatters, ConsoleCampaign, CreateCampaign } from '../../domain/console/campaigns';
import { campaignResolution } from '../../domain/figures/indicators';
import type { MatterLifecycle } from '../../domain/matters/lifecycle';
import { HttpError } from '../http/errors';
import type { CityDb } from '../store/db';
import { cityCampaignMatters, cityCampaigns, matters } from '../store/schema';
import { cityLifecycle } from './lifecycles';

type CampaignRow = typeof cityCampaigns.$inferSelect;

export async function createCampaign(db: CityDb, c: CreateCampaign, createdBy: string): Promise<ConsoleCampaign> {
  const [row] = await db
    .insert(cityCampaigns)
    .values({ campaignId: randomUUID(), name: c.name, startsOn: c.startsOn, dueOn: c.dueOn, countyCodes: c.countyCodes, createdBy })
    .returning();
  return withRates(row!, []);
}

/** Numbers shown back to the user, a few at most. */
const few = (nos: string[]) => nos.slice(0, 5).join('、') + (nos.length > 5 ? ` 等${nos.length}件` : '');

/**
 * Attaches the matters by number, all or none: each must exist, stand (not 作废) and belong to one
 * of the campaign's counties. One attached already stays as it is, so sending a list again is safe.
 */
export async function attachMatters(db: CityDb, campaignId: string, { matterNos }: AttachMatters): Promise<{ attached: number }> {
  const [campaign] = await db.select().from(cityCampaigns).where(eq(cityCampaigns.campaignId, campaignId));
  if (!campaign) throw new HttpError(404, 'campaign_not_found', '没有这个专项 / no such campaign');
  const unique = [...new Set(matterNos)];
  const found = await db
    .select({ matterId: matters.matterId, matterNo: matters.matterNo, countyCode: matters.countyCode, voidedAt: matters.voidedAt })
    .from(matters)
    .where(inArray(matters.matterNo, unique));
  const known = new Set(found.map((m) => m.matterNo));
  const missing = unique.filter((no) => !known.has(no));
  if (missing.length > 0) throw new HttpError(404, 'matter_not_found', `市里没有这些信访件：${few(missing)} / no such matters`);
  const voided = found.filter((m) => m.voidedAt !== null).map((m) => m.matterNo);
  if (voided.length > 0) throw new HttpError(409, 'matter_voided', `这些信访件已作废，不能交办：${few(voided)} / voided matters`);
  const elsewhere = found.filter((m) => !campaign.countyCodes.includes(m.countyCode)).map((m) => m.matterNo);
  if (elsewhere.length > 0) throw new HttpError(409, 'wrong_county', `这些信访件不属于本专项的县（区）：${few(elsewhere)} / matters of other counties`);
  const added = await db
    .insert(cityCampaignMatters)
    .values(found.map((m) => ({ campaignId, matterId: m.matterId, countyCode: m.countyCode })))
    .onConflictDoNothing()
    .returning({ matterId: cityCampaignMatters.matterId });
  return { attached: added.length };
}

interface Attached {
  campaignId: string;
  countyCode: string;
  lifecycle: MatterLifecycle;
}

function withRates(c: CampaignRow, attached: Attached[]): ConsoleCampaign {
  const ofCounty = (code: string) => attached.filter((a) => a.countyCode === code).map((a) => a.lifecycle);
  return {
    campaignId: c.campaignId,
    name: c.name,
    startsOn: c.startsOn,
    dueOn: c.dueOn,
    countyCodes: c.countyCodes,
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
    counties: c.countyCodes.map((countyCode) => ({ countyCode, rate: campaignResolution(ofCounty(countyCode)) })),
    total: { countyCode: null, rate: campaignResolution(attached.map((a) => a.lifecycle)) },
  };
}

/** The attached matters that count: a matter voided since (作废, recorded in error) leaves the rate, as it leaves every figure. */
async function countedMatters(db: CityDb, campaignIds: string[]) {
  if (campaignIds.length === 0) return [];
  return db
    .select({ campaignId: cityCampaignMatters.campaignId, matterNo: matters.matterNo, countyCode: matters.countyCode, summary: matters.summary, lifecycle: matters.lifecycle, receivedAt: matters.receivedAt, voidedAt: matters.voidedAt })
    .from(cityCampaignMatters)
    .innerJoin(matters, eq(matters.matterId, cityCampaignMatters.matterId))
    .where(inArray(cityCampaignMatters.campaignId, campaignIds))
    .orderBy(asc(matters.matterNo))
    .then((rows) => rows.filter((r) => r.voidedAt === null).map((r) => ({ ...r, lifecycle: cityLifecycle(r) })));
}

export async function listCampaigns(db: CityDb, limit = 200): Promise<ConsoleCampaign[]> {
  const rows = await db.select().from(cityCampaigns).orderBy(desc(cityCampaigns.createdAt)).limit(limit);
  const attached = await countedMatters(
    db,
    rows.map((r) => r.campaignId),
  );
  return rows.map((r) => withRates(r, attached.filter((a) => a.campaignId === r.campaignId)));
}

export async function campaignMatters(db: CityDb, campaignId: string) {
  const rows = await countedMatters(db, [campaignId]);
  return rows.map((r) => ({ matterNo: r.matterNo, countyCode: r.countyCode, summary: r.summary, desistedOn: r.lifecycle.desistedOn }));
}
