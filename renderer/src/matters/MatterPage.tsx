// A matter's file: placeholder until the file view lands.
export function MatterPage(_props: { matterId: string }) {
  return null;
}
