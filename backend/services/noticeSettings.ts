// The administrator's settings for the notices (domain/documents/settings.ts): the issuing
// bureau's details and the window's own organisation tree, used until the city sends its tree.
import { bureauSettingsSchema, type BureauSettings, type NoticeSettings } from '../../domain/documents/settings';
import { indexOrganisations, organisationTreeSchema, type OrganisationIndex, type OrganisationTree } from '../../domain/reference/organisation';
import { err, ok, type Result } from '../../domain/result';
import { getSetting, putSetting } from '../../db/settings';
import type { ReadContext, ServiceContext } from './context';

const BUREAU = 'noticeBureau';
const ORGANISATIONS = 'noticeOrganisations';

type Ctx = Pick<ReadContext, 'db' | 'reference'>;

export function bureauOf(ctx: Pick<ReadContext, 'db'>): BureauSettings | null {
  return bureauSettingsSchema.safeParse(getSetting(ctx.db, BUREAU)).data ?? null;
}

const localTree = (ctx: Pick<ReadContext, 'db'>): OrganisationTree => organisationTreeSchema.safeParse(getSetting(ctx.db, ORGANISATIONS)).data ?? [];

export function noticeSettings(ctx: Ctx): NoticeSettings {
  const city = ctx.reference().organisations;
  const local = localTree(ctx);
  return {
    bureau: bureauOf(ctx),
    organisations: city ?? local,
    organisationsFrom: city ? 'city' : local.length > 0 ? 'local' : 'none',
    localOrganisations: local,
  };
}

/** The tree the notices read review bodies from: the city's once pulled, else this window's. */
export const organisationIndex = (ctx: Ctx): OrganisationIndex => indexOrganisations(noticeSettings(ctx).organisations);

/** A notice cannot go out before the administrator has said who issues it. */
export function requireBureau(ctx: Pick<ReadContext, 'db'>): Result<BureauSettings> {
  const bureau = bureauOf(ctx);
  return bureau ? ok(bureau) : err('bureau_not_set', '尚未设置本局名称、地址、电话和印章，请管理员在“文书设置”中填写后再出具文书');
}

export function setBureau(ctx: ServiceContext, bureau: BureauSettings): Result<NoticeSettings> {
  putSetting(ctx.db, BUREAU, bureau);
  return ok(noticeSettings(ctx));
}

export function setOrganisations(ctx: ServiceContext, organisations: OrganisationTree): Result<NoticeSettings> {
  putSetting(ctx.db, ORGANISATIONS, organisations);
  return ok(noticeSettings(ctx));
}
