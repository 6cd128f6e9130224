// Who works in the city's console (DESIGN.md §6): the four city roles, and which of them see a
// visitor's identity whole. Our reading of a city bureau (configurable later, not statutory):
// the 管理员 keeps accounts, devices and reference data; the 督办员 supervises matters and so needs
// to know who came; the 统计员 and the 查询员 work from figures and registers, masked.
import { z } from 'zod';

export const cityRoleSchema = z.enum(['admin', 'supervisor', 'statistician', 'viewer']);
export type CityRole = z.infer<typeof cityRoleSchema>;

export const CITY_ROLE_LABELS: Readonly<Record<CityRole, string>> = {
  admin: '管理员',
  supervisor: '督办员',
  statistician: '统计员',
  viewer: '查询员',
};

/** Names and 证件 numbers unmasked; a protected reporter (检举控告, 条例 art. 30) only for the 督办员. */
export function seesIdentity(role: CityRole, protectedReporter: boolean): boolean {
  if (protectedReporter) return role === 'supervisor';
  return role === 'admin' || role === 'supervisor';
}

/** 41010219800101001X -> 4101**********001X: enough to tell two people apart on a list, not to find one. */
export function maskListedIdNumber(n: string): string {
  if (n.length <= 8) return '*'.repeat(n.length);
  return n.slice(0, 4) + '*'.repeat(n.length - 8) + n.slice(-4);
}
