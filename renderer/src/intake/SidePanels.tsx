// What sits beside the registration form: drafts to resume, the person's earlier matters, the
// last registration's receipt and attachments, and today's list. Its own chunk (IntakePage loads
// it lazily): its table, upload and descriptions are half of antd's first-screen weight, and the
// clerk can start typing before they are drawn (issue #15).
import type { FormInstance } from 'antd';
import { DraftsPanel } from './DraftsPanel';
import type { FormValues } from './formModel';
import { PriorMatters } from './PriorMatters';
import { RegisteredPanel } from './RegisteredPanel';
import { TodayList } from './TodayList';

export function SidePanels({ form }: { form: FormInstance<FormValues> }) {
  return (
    <>
      <DraftsPanel form={form} />
      <PriorMatters />
      <RegisteredPanel />
      <TodayList />
    </>
  );
}
