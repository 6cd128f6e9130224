// The administrator's notice settings for tests: a county bureau and an organisation tree in which
// each county department sits under the county government, which sits under the city government
// (so a 复查 goes to the 县人民政府 and a 复核 to the 市人民政府), set through the same RPC a person uses.
import type { BureauSettings } from '../../domain/documents/settings';
import type { OrganisationTree } from '../../domain/reference/organisation';
import { signIn, type Dispatch } from './staff';
import type { Role } from '../../domain/staff/roles';

export const TEST_BUREAU: BureauSettings = {
  name: '郑州市中原区信访局',
  address: '郑州市中原区建设西路100号',
  phone: '0371-67181234',
  seal: '郑州市中原区信访局',
};

const CITY = '郑州市人民政府';
const COUNTY = '郑州市中原区人民政府';
const departments = [
  '郑州市中原区信访局',
  '郑州市中原区人力资源和社会保障局',
  '郑州市中原区住房和城乡建设局',
  '郑州市中原区自然资源局',
  '郑州市中原区水利局',
];
export const TEST_ORGANISATIONS: OrganisationTree = [
  { code: '4101', name: CITY, level: 'city', parent: null },
  { code: '410102', name: COUNTY, level: 'county', parent: '4101' },
  ...departments.map((name, i) => ({ code: `410102-${String(i + 1).padStart(2, '0')}`, name, level: 'county' as const, parent: '410102' })),
];

/** Signs in as the 管理员, sets the bureau and the tree, and signs back in as `back`. */
export async function configureNotices(d: Dispatch, back: Role): Promise<void> {
  await signIn(d, 'admin');
  for (const [method, input] of [
    ['noticeSettings.setBureau', TEST_BUREAU],
    ['noticeSettings.setOrganisations', { organisations: TEST_ORGANISATIONS }],
  ] as const) {
    const r = await d(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  }
  await signIn(d, back);
}
