// 来访登记 form: the visitor, typed or read from an ID card, the visit and the matter, saved
// through 'intake.register'. Built for the keyboard: card readers type the number then Enter,
// so Enter walks the single-line fields in order, Ctrl+Enter registers from anywhere, and the
// clerk never needs the mouse (DOMAIN.md §7).
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Tag, Typography, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { parseCredential } from '../../../domain/identity/credentials';
import { CHANNEL_LABELS, ETHNICITIES, GROUP_VISIT_THRESHOLD, MAX_REPRESENTATIVES, type Channel } from '../../../domain/intake/registration';
import { api } from '../api/client';
import { localContract, today } from '../api/localContract';
import { CategoryCascader } from './CategoryCascader';
import { VisitorCredentialFields, type NamePath, type SettleId } from './CredentialFields';
import { FlagsFields } from './FlagsFields';
import {
  emptyPerson,
  fieldId,
  fieldOfErrorPath,
  FORM_NAME,
  initialValues,
  isBlankPerson,
  regionPathErrors,
  splitReaderLine,
  toInput,
  type FormValues,
  type PersonValues,
} from './formModel';
import { useIntakeStore } from './intakeStore';
import { focusById, focusFirstError, focusNextStop } from './keyboard';
import { RegionCascader } from './RegionCascader';
import { RepresentativesList } from './RepresentativesList';
import { useDraftAutosave } from './useDraftAutosave';
import { usePersonLookup } from './usePersonLookup';

const ID_FIELD = fieldId(['visitor', 'credential', 'number']);
const CHANNEL_OPTIONS = (Object.keys(CHANNEL_LABELS) as Channel[]).map((value) => ({ value, label: CHANNEL_LABELS[value] }));
const ETHNICITY_OPTIONS = ETHNICITIES.map((e) => ({ value: e, label: e }));
const LABEL_WIDTH = 76;
const half = { flex: '1 1 0', style: { minWidth: 0 } } as const;

/** Leaf paths of a partial change object from onValuesChange (cascader paths count as leaves). */
function changedPaths(changed: unknown, prefix: NamePath = []): NamePath[] {
  if (typeof changed !== 'object' || changed === null || (Array.isArray(changed) && changed.every((x) => typeof x !== 'object'))) {
    return [prefix];
  }
  return Object.entries(changed).flatMap(([k, v]) => (v === undefined ? [] : changedPaths(v, [...prefix, Array.isArray(changed) ? Number(k) : k])));
}

const isNumberPath = (p: NamePath) => p.at(-1) === 'number' && p.at(-2) === 'credential';

/** 户籍地 or 现住地: a region down to the township, and the rest of the address. */
function AddressFields({ name, label }: { name: 'household' | 'current'; label: string }) {
  return (
    <Form.Item label={label} style={{ marginBottom: 0 }}>
      <Row gutter={8} wrap={false}>
        <Col flex="300px">
          <Form.Item name={['visitor', name, 'region']}>
            <RegionCascader />
          </Form.Item>
        </Col>
        <Col flex="auto">
          <Form.Item name={['visitor', name, 'detail']}>
            <Input data-enter="" maxLength={200} placeholder="详细地址" aria-label={`${label}详细地址`} />
          </Form.Item>
        </Col>
      </Row>
    </Form.Item>
  );
}

export function RegistrationForm({ form, onRegistered }: { form: FormInstance<FormValues>; onRegistered: () => void }) {
  const { message } = App.useApp();
  // Paths built at run time (a representative's row, an error's path) are beyond antd's typed paths.
  const fields = form as FormInstance;
  const [initial] = useState(initialValues);
  const [submitting, setSubmitting] = useState(false);
  const inFlight = useRef(false);
  const [listError, setListError] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const autosave = useDraftAutosave(form);
  const link = useIntakeStore((s) => s.link);
  const lookup = useIntakeStore((s) => s.lookup);
  const linkedNo = link.kind === 'repeat' ? lookup?.result.matters.find((m) => m.matterId === link.matterId)?.matterNo : undefined;
  usePersonLookup(form);

  const headcount = (Form.useWatch('headcount', form) as number | null | undefined) ?? 1;
  const repCount = ((Form.useWatch('representatives', form) as PersonValues[] | undefined) ?? []).length;

  // Focus moves after React has committed: resetFields and list rows re-mount inputs, so
  // focusing at once would land on an element about to be replaced. A new object per request
  // lets the same field be asked for twice. Starts on the ID: ready for a swipe.
  const [focusRequest, setFocusRequest] = useState({ id: ID_FIELD });
  useEffect(() => {
    // The list opened by a change of 人数 may commit a frame later than this request.
    let tries = 10;
    let frame = 0;
    const attempt = () => {
      if (document.getElementById(focusRequest.id)) focusById(focusRequest.id);
      else if (tries-- > 0) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [focusRequest]);

  const setError = useCallback((name: NamePath, text: string | null) => fields.setFields([{ name, errors: text ? [text] : [] }]), [fields]);

  /** Judges a number box's content: the number is checked, a name the reader typed after it is filed. */
  const settle: SettleId = useCallback(
    (base, raw) => {
      const { number, name } = splitReaderLine(raw);
      const numberPath = [...base, 'credential', 'number'];
      fields.setFieldValue(numberPath, number.toUpperCase());
      if (name) fields.setFieldValue([...base, 'name'], name);
      const type = fields.getFieldValue([...base, 'credential', 'type']) as PersonValues['credential']['type'];
      const r = parseCredential(type, number, today());
      setError(numberPath, r.ok ? null : r.message);
      if (name || number !== raw) autosave.changed();
      return { valid: r.ok, name };
    },
    [fields, setError, autosave],
  );

  /** While typing, a number is judged only once it could be complete: half-typed is not wrong. */
  const liveCheck = (path: NamePath) => {
    const base = path.slice(0, -2);
    const type = fields.getFieldValue([...base, 'credential', 'type']) as PersonValues['credential']['type'];
    const number = splitReaderLine((fields.getFieldValue(path) as string) ?? '').number;
    const r = parseCredential(type, number, today());
    const complete = type === 'resident' ? number.length >= 18 : false;
    setError(path, !r.ok && complete ? r.message : null);
  };

  const showError = (path: string, text: string): boolean => {
    const f = fieldOfErrorPath(path);
    if (f === 'representatives') setListError(text);
    else if (f) setError(f, text);
    return f !== null;
  };

  const clearForm = async () => {
    await autosave.settle();
    const { draftId, setDraftId } = useIntakeStore.getState();
    void api.invoke('drafts.discard', { id: draftId });
    setDraftId(crypto.randomUUID());
    form.resetFields();
    setListError(null);
    setFocusRequest({ id: ID_FIELD });
  };

  const submit = async () => {
    if (inFlight.current) return;
    const values = form.getFieldsValue(true) as FormValues;
    const { link, draftId } = useIntakeStore.getState();
    const input = toInput(values, link, draftId);
    // Same schema as the backend: the clerk sees every mistake at once, without a round trip.
    const check = localContract['intake.register'].input.safeParse(input);
    const regionErrors = regionPathErrors(values);
    if (!check.success || regionErrors.length > 0) {
      let unplaced = false;
      for (const e of regionErrors) setError(e.name, e.message);
      for (const issue of check.success ? [] : check.error.issues) {
        if (!showError(issue.path.join('.'), issue.message)) unplaced = true;
      }
      if (unplaced) message.error('登记信息有误，请核对');
      requestAnimationFrame(() => focusFirstError(container.current!));
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    try {
      // Registering deletes the draft: a save still on its way must not bring it back.
      await autosave.settle();
      const r = await api.invoke('intake.register', input);
      if (r.ok) {
        const due = r.value.nextDeadline;
        if (r.value.terminated) message.warning(`已登记本次来访（${r.value.matterNo}）。该事项已终结，请做好解释`, 6);
        else message.success(`登记成功，信访件编号 ${r.value.matterNo}${due ? `（${due.label}至 ${due.lastDay}）` : ''}`);
        useIntakeStore.getState().registered({ ...r.value, visitorName: input.visitor.name });
        form.resetFields();
        setListError(null);
        setFocusRequest({ id: ID_FIELD });
        onRegistered();
      } else if (!(r.field && showError(r.field, r.message))) {
        message.error(r.message);
      } else {
        requestAnimationFrame(() => focusFirstError(container.current!));
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  // Ctrl+Enter registers wherever the focus is on the page, including the panels beside the form.
  const submitRef = useRef(submit);
  submitRef.current = submit;
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
        e.preventDefault();
        void submitRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Enter while an IME is composing picks a candidate; it is not meant for the form.
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.ctrlKey || e.metaKey) return;
    const t = e.target;
    // Selects, cascaders, radios, buttons and text areas keep their own Enter.
    if (!(t instanceof HTMLInputElement) || t.dataset.enter === undefined) return;
    e.preventDefault(); // no implicit submit from a single-line field
    const box = container.current!;
    if (t.dataset.idOf !== undefined) {
      const base = t.dataset.idOf.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      // Judge what is in the box now: the form's state lags a reader that types and presses
      // Enter within the same few milliseconds.
      const r = settle(base, t.value);
      if (!r.valid) {
        // A bad read stays put and selected, so the next swipe or typing replaces it.
        t.select();
        return;
      }
      // To 姓名 by its id, not the next stop: the boxes the number fills are disabled only
      // once React has re-rendered. "number name⏎" filled 姓名 too: go past it.
      const nameId = fieldId([...base, 'name']);
      if (r.name) focusNextStop(box, nameId);
      else focusById(nameId);
      return;
    }
    const reps = (form.getFieldValue('representatives') as PersonValues[] | undefined) ?? [];
    if (t.id === fieldId(['headcount']) && reps.length > 0) {
      // Into the representatives, even while the list the new 人数 opened is still rendering.
      setFocusRequest({ id: fieldId(['representatives', 0, 'credential', 'number']) });
      return;
    }
    if (t.dataset.repRow !== undefined) {
      // Enter on the last row's 手机 opens the next row, until the fifth.
      const row = Number(t.dataset.repRow);
      if (row === reps.length - 1 && reps.length < MAX_REPRESENTATIVES && !isBlankPerson(reps[row]!)) {
        form.setFieldValue('representatives', [...reps, emptyPerson()]);
        setFocusRequest({ id: fieldId(['representatives', row + 1, 'credential', 'number']) });
        return;
      }
    }
    focusNextStop(box, t);
  };

  const onValuesChange = (changed: Partial<FormValues>) => {
    autosave.changed();
    // Errors here are set by hand (no antd rules), so editing a box clears its own.
    for (const p of changedPaths(changed)) {
      if (isNumberPath(p)) liveCheck(p);
      else setError(p, null);
      if (p[0] === 'representatives') setListError(null);
    }
    // A group visit needs its representatives: open the list with a first row.
    // Read the store, not the last render: the box reports again on blur, before a re-render,
    // and a second first row would re-mount the list under the clerk's cursor.
    const reps = (form.getFieldValue('representatives') as PersonValues[] | undefined) ?? [];
    if (typeof changed.headcount === 'number' && changed.headcount >= GROUP_VISIT_THRESHOLD && reps.length === 0) {
      form.setFieldValue('representatives', [emptyPerson()]);
    }
  };

  const showReps = headcount >= 2 || repCount > 0;

  return (
    <Card
      size="small"
      title="来访登记"
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="draft-status">
          {autosave.savedAt ? `草稿已自动保存 ${dayjs(autosave.savedAt).format('HH:mm:ss')}` : ''}
        </Typography.Text>
      }
    >
      <div ref={container} onKeyDown={onKeyDown}>
        <Form<FormValues>
          form={form}
          name={FORM_NAME}
          layout="horizontal"
          size="middle"
          labelCol={{ flex: `0 0 ${LABEL_WIDTH}px` }}
          wrapperCol={{ flex: 'auto' }}
          labelAlign="right"
          colon={false}
          autoComplete="off"
          initialValues={initial}
          onValuesChange={onValuesChange}
        >
          <VisitorCredentialFields settle={settle} />

          <Row gutter={8} wrap={false}>
            <Col {...half}>
              <Form.Item name={['visitor', 'name']} label="姓名" required>
                <Input data-enter="" maxLength={50} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={['visitor', 'ethnicity']} label="民族">
                <Select showSearch={{ optionFilterProp: 'label' }} options={ETHNICITY_OPTIONS} />
              </Form.Item>
            </Col>
          </Row>

          <Row gutter={8} wrap={false}>
            <Col {...half}>
              <Form.Item name={['visitor', 'mobile']} label="手机">
                <Input data-enter="" maxLength={20} placeholder="11位手机号码" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={['visitor', 'landline']} label="固定电话">
                <Input data-enter="" maxLength={30} placeholder="如 0371-63212345" />
              </Form.Item>
            </Col>
          </Row>

          <AddressFields name="household" label="户籍地" />
          <AddressFields name="current" label="现住地" />

          <Form.Item name={['visitor', 'workUnit']} label="工作单位">
            <Input data-enter="" maxLength={100} />
          </Form.Item>

          <Row gutter={8} wrap={false}>
            <Col flex="none">
              <Form.Item name="channel" label="来访方式" labelCol={{ flex: `0 0 ${LABEL_WIDTH}px` }}>
                <Radio.Group optionType="button" buttonStyle="solid" options={CHANNEL_OPTIONS} />
              </Form.Item>
            </Col>
            <Col flex="auto">
              <Form.Item name="headcount" label="来访人数" required labelCol={{ flex: 'none' }}>
                <InputNumber data-enter="" min={1} max={9999} precision={0} style={{ width: 80 }} />
              </Form.Item>
            </Col>
          </Row>

          {showReps && <RepresentativesList settle={settle} listError={listError} />}

          <Row gutter={8} wrap={false}>
            <Col {...half}>
              <Form.Item name="category" label="问题分类">
                <CategoryCascader />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="placeRegion" label="问题属地">
                <RegionCascader placeholder="问题发生地" />
              </Form.Item>
            </Col>
          </Row>

          <Form.Item name="respondent" label="被反映人">
            <Input data-enter="" maxLength={100} placeholder="被反映人或单位" />
          </Form.Item>

          <Form.Item name="summary" label="诉求摘要" required>
            <Input.TextArea data-enter="" autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} placeholder="来访人反映的主要问题和诉求" />
          </Form.Item>

          <Form.Item name="facts" label="事实与理由">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
          </Form.Item>

          <FlagsFields />

          <Form.Item label=" " style={{ marginBottom: 0 }}>
            <Space size={12} wrap>
              <Button type="primary" htmlType="button" loading={submitting} onClick={() => void submit()} style={{ minWidth: 88 }}>
                登记
              </Button>
              <Button htmlType="button" onClick={() => void clearForm()}>
                清空
              </Button>
              {link.kind === 'repeat' ? (
                <Tag color="orange" data-testid="link-tag">
                  重复访 · 关联 {linkedNo}
                </Tag>
              ) : (
                <Tag data-testid="link-tag">初访</Tag>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                回车下一项 · Ctrl+回车 登记
              </Typography.Text>
            </Space>
          </Form.Item>
        </Form>
      </div>
    </Card>
  );
}
