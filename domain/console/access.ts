// Which city role may use each part of the console (DESIGN.md §6), in one table the server checks
// on every console call and the console reads only to hide what its user cannot open.
import type { CityRole } from './roles';

const EVERYONE: readonly CityRole[] = ['admin', 'supervisor', 'statistician', 'viewer'];
const ADMIN: readonly CityRole[] = ['admin'];

export const CONSOLE_ACCESS = {
  'staff.manage': ADMIN,
  'devices.read': ADMIN,
  'devices.manage': ADMIN,
  'audit.read': ADMIN,
  'figures.read': EVERYONE,
  'matters.read': EVERYONE,
  'supervision.issue': ['admin', 'supervisor'],
  'campaigns.read': EVERYONE,
  'campaigns.manage': ['admin', 'supervisor'],
  'reference.publish': ADMIN,
  'syncFiles.import': ADMIN,
} as const satisfies Record<string, readonly CityRole[]>;
export type ConsoleCapability = keyof typeof CONSOLE_ACCESS;

export function may(role: CityRole, capability: ConsoleCapability): boolean {
  return (CONSOLE_ACCESS[capability] as readonly CityRole[]).includes(role);
}
