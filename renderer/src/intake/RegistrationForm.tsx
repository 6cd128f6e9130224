// 来访登记 form: one visitor, typed or read from an ID card, saved through 'intake.register'.
// Built for the keyboard: card readers type the number then Enter, so Enter walks the fields
// in order and the clerk never needs the mouse (DOMAIN.md §7).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Space, Typography } from 'antd';
import { parsePhone } from '../../../domain/contact/phone';
import { parseResidentId } from '../../../domain/identity/residentId';
import { CHANNEL_LABELS, type Channel, type RegisterVisitInput } from '../../../domain/intake/registration';
import { api } from '../api/client';
import { localContract, today } from '../api/localContract';

/**
 * The form holds the record's own shape, plus one 联系电话 box: clerks write whatever number
 * the visitor gives, and it is filed as 手机 or 固话 by its kind on submit.
 */
type FormValues = RegisterVisitInput & { phone?: string };

const FORM_NAME = 'registration';

// Where each box lives in the record; the keys are the stops Enter walks through, in order.
// The read-only fields filled from the ID number are not stops.
const FIELDS = {
  idNumber: ['visitor', 'document', 'number'],
  name: ['visitor', 'name'],
  phone: ['phone'],
  address: ['visitor', 'current', 'detail'],
  headcount: ['headcount'],
  channel: ['channel'],
  summary: ['summary'],
} as const;
type Field = keyof typeof FIELDS;
const ENTER_ORDER = Object.keys(FIELDS) as Field[];

/** Error paths (zod's, joined with '.', as the backend reports them) -> the box that shows them. */
function fieldOfPath(path: string): Field | undefined {
  if (path.startsWith('visitor.document') || path === 'idNumber') return 'idNumber';
  if (path === 'visitor.mobile' || path === 'visitor.landline' || path === 'phone') return 'phone';
  if (path.startsWith('visitor.current')) return 'address';
  if (path === 'visitor.name') return 'name';
  // The thin form has no representatives list yet; the rule is about the head count.
  if (path.startsWith('representatives')) return 'headcount';
  return (ENTER_ORDER as string[]).includes(path) ? (path as Field) : undefined;
}

// antd derives a field's DOM id from the form name and the field's path.
const fieldId = (f: Field) => [FORM_NAME, ...FIELDS[f]].join('_');
const infoId = (name: string) => `${FORM_NAME}_${name}`;

const CHANNEL_OPTIONS = (Object.keys(CHANNEL_LABELS) as Channel[]).map((value) => ({
  value,
  label: CHANNEL_LABELS[value],
}));

const GENDER_LABELS = { male: '男', female: '女' } as const;

const INITIAL: Partial<FormValues> = { headcount: 1, channel: 'visit' };

// Labels line up down the form, including in the rows that hold two or three fields.
const LABEL_WIDTH = 88;
const inlineLabel = { flex: 'none' } as const;

function focusField(f: Field): void {
  const el = document.getElementById(fieldId(f));
  if (!el) return;
  // Radio.Group puts the id on its wrapper; the checked radio is what takes the keyboard.
  const target =
    el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
      ? el
      : (el.querySelector<HTMLInputElement>('input:checked') ?? el.querySelector<HTMLInputElement>('input'));
  target?.focus();
  if (target instanceof HTMLInputElement && target.type !== 'radio') target.select();
}

/** Whether a partial change object from onValuesChange touches the given path. */
function hasPath(changed: object, path: readonly string[]): boolean {
  let v: unknown = changed;
  for (const k of path) {
    if (typeof v !== 'object' || v === null || !(k in v)) return false;
    v = (v as Record<string, unknown>)[k];
  }
  return true;
}

/** The record to send: the form's values with the phone filed under its kind. */
function toInput(v: FormValues): RegisterVisitInput {
  const { phone = '', ...rest } = v;
  const p = parsePhone(phone);
  // A number that does not parse goes to 手机, whose rule then says what is wrong with it.
  const phoneKey = p.ok && p.value.kind === 'landline' ? 'landline' : 'mobile';
  return {
    ...rest,
    visitor: {
      ...rest.visitor,
      document: { type: 'resident', number: rest.visitor?.document?.number ?? '' },
      name: rest.visitor?.name ?? '',
      [phoneKey]: phone,
    },
  };
}

export function RegistrationForm({ onRegistered }: { onRegistered: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [idBlurred, setIdBlurred] = useState(false);
  // An error on the ID from submit or from the backend; it wins over the live check until edited.
  const [idError, setIdError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inFlight = useRef(false);
  const [lastMatterNo, setLastMatterNo] = useState<string | null>(null);

  // Focus moves after React has committed: resetFields re-mounts every field's input, so
  // focusing straight after it would land on an element about to be replaced. A new object
  // per request lets the same field be asked for twice. Starts on the ID: ready for a swipe.
  const [focusRequest, setFocusRequest] = useState<{ field: Field }>({ field: 'idNumber' });
  useEffect(() => focusField(focusRequest.field), [focusRequest]);
  const clearForm = () => {
    form.resetFields();
    setIdBlurred(false);
    setIdError(null);
    setFocusRequest({ field: 'idNumber' });
  };

  const idValue = ((Form.useWatch(FIELDS.idNumber, form) as string | undefined) ?? '').trim();
  const parsed = idValue === '' ? null : parseResidentId(idValue, today());
  const info = parsed?.ok ? parsed.value : null;
  // Judge the number only when it could be complete: half-typed numbers are not mistakes.
  // At 15 characters it may be an old number or an 18-digit one in progress, so only its
  // success shows there; its error waits for 18 characters, Enter or leaving the field.
  const judged = idBlurred || idValue.length >= 18 || (idValue.length === 15 && info !== null);
  const idHelp = idError ?? (judged && parsed && !parsed.ok ? parsed.message : null);
  const idStatus = idHelp ? 'error' : judged && info ? 'success' : undefined;

  /** Shows an error under its box; returns the box, or undefined when no box fits the path. */
  const showFieldError = (path: string, text: string): Field | undefined => {
    const f = fieldOfPath(path);
    if (f === 'idNumber') setIdError(text);
    else if (f) form.setFields([{ name: [...FIELDS[f]], errors: [text] }]);
    return f;
  };

  const submit = async () => {
    if (inFlight.current) return;
    const input = toInput(form.getFieldsValue(true) as FormValues);
    // Same schema as the backend: the clerk sees every mistake at once, without a round trip.
    const check = localContract['intake.register'].input.safeParse(input);
    if (!check.success) {
      const bad = new Set<Field>();
      for (const issue of check.error.issues) {
        const f = fieldOfPath(issue.path.join('.'));
        if (f && !bad.has(f)) {
          showFieldError(issue.path.join('.'), issue.message);
          bad.add(f);
        }
      }
      const first = ENTER_ORDER.find((f) => bad.has(f));
      if (first) focusField(first);
      else message.error('登记信息有误，请核对');
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    try {
      // Send what the clerk entered; the backend parses it again with its own clock.
      const r = await api.invoke('intake.register', input);
      if (r.ok) {
        const due = r.value.nextDeadline;
        message.success(`登记成功，信访件编号 ${r.value.matterNo}${due ? `（${due.label}至 ${due.lastDay}）` : ''}`);
        setLastMatterNo(r.value.matterNo);
        clearForm();
        onRegistered();
      } else {
        const f = r.field ? showFieldError(r.field, r.message) : undefined;
        if (f) focusField(f);
        else message.error(r.message);
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Enter while an IME is composing picks a candidate; it is not meant for the form.
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      form.submit();
      return;
    }
    const t = e.target;
    // Enter on a button presses it; in the TextArea it starts a new line.
    if (!(t instanceof HTMLInputElement)) return;
    e.preventDefault(); // no implicit submit from a single-line field
    const current = ENTER_ORDER.find((f) => t.id === fieldId(f) || t.closest(`#${fieldId(f)}`));
    if (!current) return;
    // Judge what is in the box now: useWatch lags a card reader that types and presses Enter
    // within the same few milliseconds.
    if (current === 'idNumber' && !parseResidentId(t.value, today()).ok) {
      // A bad read stays put and selected, so the next swipe or typing replaces it.
      setIdBlurred(true);
      t.select();
      return;
    }
    const next = ENTER_ORDER[ENTER_ORDER.indexOf(current) + 1];
    if (next) focusField(next);
  };

  return (
    <Card
      size="small"
      title="来访登记"
      extra={
        lastMatterNo && (
          <Space size={4}>
            <Typography.Text type="secondary">上一件编号</Typography.Text>
            <Typography.Text strong data-testid="last-matter-no">
              {lastMatterNo}
            </Typography.Text>
          </Space>
        )
      }
    >
      <div onKeyDown={onKeyDown}>
        <Form<FormValues>
          form={form}
          name={FORM_NAME}
          layout="horizontal"
          labelCol={{ flex: `0 0 ${LABEL_WIDTH}px` }}
          wrapperCol={{ flex: 'auto' }}
          labelAlign="right"
          colon={false}
          autoComplete="off"
          initialValues={INITIAL}
          onFinish={() => void submit()}
          onValuesChange={(changed: Partial<FormValues>) => {
            // Errors here are set by hand (no antd rules), so editing a box must clear its own.
            for (const f of ENTER_ORDER) {
              if (!hasPath(changed, FIELDS[f])) continue;
              if (f === 'idNumber') setIdError(null);
              else form.setFields([{ name: [...FIELDS[f]], errors: [] }]);
            }
          }}
          requiredMark
        >
          <Form.Item
            name={[...FIELDS.idNumber]}
            label="身份证号码"
            required
            validateStatus={idStatus}
            help={idHelp}
            hasFeedback={idStatus !== undefined}
            normalize={(v: string) => v.replace(/\s/g, '').toUpperCase()}
          >
            <Input
              // antd re-creates the <input> when a suffix appears (the feedback icon does, at
              // the 18th character), which drops focus or, with autoFocus, steals it back from
              // 姓名 after a card reader's Enter. An always-present suffix keeps it stable.
              suffix={<span />}
              maxLength={18}
              placeholder="刷身份证或输入18位号码"
              onBlur={() => setIdBlurred(idValue !== '')}
              style={{ fontFamily: 'Consolas, "DejaVu Sans Mono", monospace', letterSpacing: 1 }}
            />
          </Form.Item>

          <Form.Item name={[...FIELDS.name]} label="姓名" required>
            <Input maxLength={50} style={{ maxWidth: 200 }} />
          </Form.Item>

          <Row gutter={12} wrap={false}>
            <Col flex="none">
              <Form.Item label="性别" htmlFor={infoId('gender')}>
                <Input id={infoId('gender')} readOnly tabIndex={-1} value={info ? GENDER_LABELS[info.gender] : ''} style={{ width: 48 }} />
              </Form.Item>
            </Col>
            <Col flex="none">
              <Form.Item label="出生日期" htmlFor={infoId('birthDate')} labelCol={inlineLabel}>
                <Input id={infoId('birthDate')} readOnly tabIndex={-1} value={info?.birthDate ?? ''} style={{ width: 108 }} />
              </Form.Item>
            </Col>
            <Col flex="auto">
              <Form.Item label="户籍地区码" htmlFor={infoId('regionCode')} labelCol={inlineLabel}>
                <Input id={infoId('regionCode')} readOnly tabIndex={-1} value={info?.regionCode ?? ''} style={{ width: 80 }} />
              </Form.Item>
            </Col>
          </Row>

          <Form.Item name={[...FIELDS.phone]} label="联系电话">
            <Input maxLength={20} placeholder="手机或固定电话" style={{ maxWidth: 200 }} />
          </Form.Item>

          <Form.Item name={[...FIELDS.address]} label="住址">
            <Input maxLength={200} />
          </Form.Item>

          {/* One row each: the group-visit message under 人数 is long and would squeeze 方式. */}
          <Form.Item name={[...FIELDS.headcount]} label="来访人数" required>
            <InputNumber min={1} max={9999} precision={0} style={{ width: 72 }} />
          </Form.Item>

          <Form.Item name={[...FIELDS.channel]} label="来访方式">
            <Radio.Group optionType="button" buttonStyle="solid" options={CHANNEL_OPTIONS} />
          </Form.Item>

          <Form.Item name={[...FIELDS.summary]} label="诉求摘要" required>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 8 }} maxLength={2000} placeholder="来访人反映的主要问题和诉求" />
          </Form.Item>

          <Form.Item label=" " style={{ marginBottom: 0 }}>
            <Space size={12} wrap>
              <Button type="primary" htmlType="submit" loading={submitting} style={{ minWidth: 88 }}>
                登记
              </Button>
              <Button
                htmlType="button"
                onClick={clearForm}
              >
                清空
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                回车跳到下一项，Ctrl+回车 直接登记
              </Typography.Text>
            </Space>
          </Form.Item>
        </Form>
      </div>
    </Card>
  );
}
