// The console's 专项 campaigns (issue #14): the 督办员 and the 管理员 make one for a period and
// some counties and attach those counties' matters; everyone signed in sees each campaign's 化解率
// per county and in total, its matters, and the campaigns the counties run themselves.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachMattersSchema, campaignMatterSchema, consoleCampaignSchema, createCampaignSchema } from '../../../domain/console/campaigns';
import { attachMatters, campaignMatters, createCampaign, listCampaigns } from '../../city/campaigns';
import { countyEvents } from '../../city/countyEvents';
import { recordAudit } from '../../console/audit';
import { actorOf, requireStaff, staffOf, type ConsoleConfig } from '../../console/guard';
import { devices } from '../../store/schema';
import { consoleDoc } from './doc';

const params = z.strictObject({ campaignId: z.uuid() });

export const consoleCampaignRoutes: FastifyPluginAsyncZod<ConsoleConfig> = async (app, config) => {
  const { db } = config;
  const read = requireStaff(config, 'campaigns.read');
  const manage = requireStaff(config, 'campaigns.manage');

  app.get('/api/console/campaigns', { onRequest: read, schema: consoleDoc }, async () => {
    // The counties the city knows: those with a device, to choose from when making a campaign.
    const known = await db.selectDistinct({ countyCode: devices.countyCode }).from(devices).orderBy(devices.countyCode);
    return {
      campaigns: await listCampaigns(db),
      counties: known.map((c) => c.countyCode),
      countyCampaigns: await countyEvents(db, 200, ['campaign.created']),
    };
  });

  app.post('/api/console/campaigns', { onRequest: manage, schema: { ...consoleDoc, body: createCampaignSchema, response: { 201: consoleCampaignSchema } } }, async (request, reply) => {
    const staff = staffOf(request);
    const made = await createCampaign(db, request.body, actorOf(staff).label);
    await recordAudit(db, actorOf(staff), 'campaign.created', made.campaignId, { name: made.name, startsOn: made.startsOn, dueOn: made.dueOn, countyCodes: made.countyCodes });
    return reply.status(201).send(made);
  });

  app.post('/api/console/campaigns/:campaignId/matters', { onRequest: manage, schema: { ...consoleDoc, params, body: attachMattersSchema } }, async (request) => {
    const result = await attachMatters(db, request.params.campaignId, request.body);
    await recordAudit(db, actorOf(staffOf(request)), 'campaign.mattersAttached', request.params.campaignId, { matterNos: request.body.matterNos, attached: result.attached });
    return result;
  });

  app.get(
    '/api/console/campaigns/:campaignId/matters',
    { onRequest: read, schema: { ...consoleDoc, params, response: { 200: z.object({ matters: z.array(campaignMatterSchema) }) } } },
    async (request) => ({ matters: await campaignMatters(db, request.params.campaignId) }),
  );
};
