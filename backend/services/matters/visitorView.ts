// What the operator may see of a petitioner: a protected reporter (检举控告, 条例 art. 30) is
// masked for every role that does not need the identity. The matter's file, the register and its
// Excel export all show a person through this one view.
import { maskIdNumber } from '../../../domain/identity/residentId';
import { maskName } from '../../../domain/staff/roles';

export function visitorView(v: { name: string; idNumber: string; mobile: string }, masked: boolean) {
  return masked
    ? { name: maskName(v.name), credential: maskIdNumber(v.idNumber).replace(/\d/g, '*'), mobile: v.mobile ? '***********' : '', masked }
    : { name: v.name, credential: v.idNumber, mobile: v.mobile, masked };
}
