// 工作台: placeholder until the work queue lands.
export function QueuePage() {
  return null;
}
