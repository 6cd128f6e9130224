// One lifecycle step as a dialog: the command's own fields, when it happened, why, and the
// documents it produces (preselected from COMMAND_DOCUMENTS; for 调解/和解 the agreement of the kind chosen). The backend decides; its refusal
// (code and Chinese message) stays in the dialog so the clerk can correct and retry.
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { DOCUMENT_TITLES, type DocumentKind } from '../../../domain/documents/kinds';
import type { Classification } from '../../../domain/matters/classification';
import { DECLINE_GROUND_LABELS, type PrescreenOutcome } from '../../../domain/matters/prescreen';
import { commandDocuments, COMMAND_DOCUMENTS, COMMAND_FIELDS, COMMAND_LABELS, type CommandRequest, type CommandType } from '../../../domain/matters/commands';
import { DELIVERED_DOCUMENT } from '../../../domain/matters/transitions';
import type { MatterDetail } from '../../../domain/matters/rpc';
import type { Err } from '../../../domain/result';
import { api } from '../api/client';
import { ClassificationWizard, type Answer } from './ClassificationWizard';
import { PrescreenPanel } from './PrescreenPanel';
import { CommandFields, REASON_LABELS } from './CommandFields';
import { useMatterStore } from './matterStore';

type Values = { at: Dayjs; reason?: string; documents?: DocumentKind[]; body?: string; note?: string } & Record<string, unknown>;

/** 涉法涉诉 goes through art. 31 item 1: the wizard starts at 申诉求决. */
const LAW_RELATED_START: Answer[] = [{ id: 'class', value: 'complaint' }];

/** The command as the window asks for it: who takes the step is the backend's signed-in user. */
function buildCommand(type: CommandType, values: Values, classification: Classification | null, screened: PrescreenOutcome | null): CommandRequest {
  // Only the documents offered for what was chosen: 调解 never produces a 和解协议书.
  const offered = commandDocuments(type, { kind: values.kind });
  const envelope = { at: values.at.format(), reason: values.reason ?? '', documents: (values.documents ?? []).filter((d) => offered.includes(d)) };
  // The pre-screen refused it (DOMAIN.md §3): not accepted, with its ground, body and notice.
  if (type === 'classify' && screened?.kind === 'decline') {
    const reason = `${DECLINE_GROUND_LABELS[screened.ground]}。${screened.visitorText}`;
    return { ...envelope, type: 'decline', reason, ground: screened.ground, toBody: screened.toBody, documents: ['non-acceptance-notice'] };
  }
  if (type === 'classify' && classification) {
    return { ...envelope, type, class: classification.class, route: classification.route, body: values.body ?? '', note: values.note ?? '' };
  }
  // A day picked in the form (a 交办's report, a hearing) goes as YYYY-MM-DD.
  const own = Object.fromEntries(COMMAND_FIELDS[type].map((f) => [f, dayjs.isDayjs(values[f]) ? values[f].format('YYYY-MM-DD') : values[f]]));
  // The fields come from COMMAND_FIELDS by name, which TypeScript cannot tie to the union's
  // member; the backend parses the command with commandRequestSchema anyway.
  return { ...envelope, ...own, type } as CommandRequest;
}

export function CommandDialog({ matter, type, onClose }: { matter: MatterDetail; type: CommandType; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Err | null>(null);
  const [classification, setClassification] = useState<Classification | null>(null);
  const onResult = useCallback((c: Classification | null) => setClassification(c), []);
  const [screened, setScreened] = useState<PrescreenOutcome | null>(null);
  const onScreened = useCallback((o: PrescreenOutcome | null) => setScreened(o), []);
  const declining = type === 'classify' && screened?.kind === 'decline';
  const documents = commandDocuments(type, { kind: Form.useWatch('kind', form) });
  const reasonLabel = REASON_LABELS[type];
  // Shown so the clerk sees which paper goes out; the backend picks the same one.
  const deliveredKind = type === 'deliver' ? DELIVERED_DOCUMENT[matter.lifecycle.state] : undefined;
  const handedOver = deliveredKind ? matter.documents.filter((d) => d.kind === deliveredKind && !d.deliveredAt).at(-1) : undefined;

  async function submit(values: Values) {
    setBusy(true);
    setRefusal(null);
    // A 送达 step records the delivery of the document it hands over, and its 送达回证, itself.
    const command = buildCommand(type, values, classification, screened);
    const r = await api.invoke('matters.command', { matterId: matter.matterId, command });
    setBusy(false);
    if (!r.ok) {
      // A refusal wrote nothing: the file stands as shown.
      setRefusal(r);
      return;
    }
    useMatterStore.getState().show(r.value.detail);
    // The step stands; a paper that failed after it is said plainly, and can be made again.
    if (r.value.warnings.length > 0) for (const w of r.value.warnings) message.warning(w, 8);
    else message.success(`已${COMMAND_LABELS[command.type]}`);
    onClose();
  }

  const initialValues = {
    at: dayjs(),
    // Every document the step can produce; those the chosen fields rule out are not sent (buildCommand).
    documents: [...COMMAND_DOCUMENTS[type]],
    // The reply goes to the petitioner; a protected reporter's masked name is no recipient.
    to: matter.visitor.masked ? '' : matter.visitor.name,
    method: 'in-person',
  };

  return (
    <Modal
      open
      title={`${COMMAND_LABELS[type]} — ${matter.matterNo}`}
      width={type === 'classify' ? 720 : 560}
      okText={declining ? '不予受理' : '确定'}
      confirmLoading={busy}
      okButtonProps={{ disabled: type === 'classify' && !declining && !classification, danger: declining }}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form form={form} name="command" layout="vertical" initialValues={initialValues} onFinish={(v) => void submit(v)}>
        {type === 'classify' && <PrescreenPanel matter={matter} onOutcome={onScreened} />}
        {type === 'classify' && screened && screened.kind !== 'decline' && (
          <>
            <ClassificationWizard key={screened.kind} onResult={onResult} initial={screened.kind === 'law-related' ? LAW_RELATED_START : []} />
            {classification && (
              <>
                <Form.Item
                  name="body"
                  label={`责任单位名称（${classification.responsibleBodyKind}）`}
                  rules={[{ required: true, whitespace: true, message: '请填写责任单位' }]}
                  extra={screened.proposedBodies.length > 0 ? `按登记标记建议涉及：${screened.proposedBodies.join('；')}` : undefined}
                  style={{ marginTop: 12 }}
                >
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name="note" label="备注">
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
              </>
            )}
          </>
        )}
        {handedOver && (
          <Form.Item label="送达文书">
            <Typography.Text data-testid="handed-over">{handedOver.title}</Typography.Text>
          </Form.Item>
        )}
        <CommandFields type={type} />
        {type !== 'classify' && (
          <Form.Item name="reason" label={reasonLabel ?? '说明'} rules={reasonLabel ? [{ required: true, whitespace: true, message: `请填写${reasonLabel}` }] : []}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        {/* Statutory periods count from the day of the event: the clerk may record a step done earlier. */}
        <Form.Item name="at" label="日期时间" rules={[{ required: true, message: '请选择日期时间' }]}>
          <DatePicker showTime format="YYYY-MM-DD HH:mm:ss" allowClear={false} data-testid="command-at" />
        </Form.Item>
        {documents.length > 0 && (
          <Form.Item name="documents" label="同时生成文书">
            <Checkbox.Group options={documents.map((d) => ({ value: d, label: DOCUMENT_TITLES[d] }))} />
          </Form.Item>
        )}
      </Form>
      {refusal && (
        <Alert
          type="error"
          showIcon
          data-testid="command-refusal"
          title={refusal.message}
          description={<Typography.Text type="secondary">错误代码：{refusal.code}</Typography.Text>}
        />
      )}
    </Modal>
  );
}
