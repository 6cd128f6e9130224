// 证件: the document type and number, and for the visitor the gender and birth date the number
// gives (read-only then, typed by hand for documents that carry neither). The number box takes
// a card reader's line, "number⏎" or "number name⏎" (docs/id-card-reader.md).
import { useEffect, useMemo, useRef } from 'react';
import { Col, Form, Input, Row, Select, type InputProps } from 'antd';
import { CREDENTIAL_TYPE_LABELS, credentialTypeSchema, parseCredential, type CredentialType } from '../../../domain/identity/credentials';
import { today } from '../api/localContract';
import { fieldId, splitReaderLine, type FormValues, type NamePath } from './formModel';
import { focusById, focusNextStop } from './keyboard';
import { useReferenceStore } from './referenceStore';

/** Splits and checks what is in a number box; says whether it is valid and what name it carried. */
export type SettleId = (base: NamePath, raw: string) => { valid: boolean; name: string };

export const CREDENTIAL_TYPE_OPTIONS = credentialTypeSchema.options.map((value) => ({ value, label: CREDENTIAL_TYPE_LABELS[value] }));
const GENDER_OPTIONS = [
  { value: 'male', label: '男' },
  { value: 'female', label: '女' },
];
const MONO = { fontFamily: 'Consolas, "DejaVu Sans Mono", monospace', letterSpacing: 0.5 } as const;

/** The number box; `base` is the person's absolute path (['visitor'] or ['representatives', 2]). */
export function IdNumberInput({ base, settle, ...props }: InputProps & { base: NamePath; settle: SettleId }) {
  return (
    <Input
      {...props}
      data-enter=""
      data-id-of={base.join('.')}
      // antd re-creates the <input> when a suffix appears, which drops focus mid-swipe; an
      // always-present suffix keeps the element stable.
      suffix={<span />}
      maxLength={80}
      autoComplete="off"
      style={MONO}
      onBlur={(e) => {
        if (e.target.value.trim() !== '') settle(base, e.target.value);
      }}
      onKeyDown={(e) => {
        // A reader that separates number and name with Tab: the name must land in 姓名 even
        // while the boxes between are still being enabled or disabled.
        if (e.key !== 'Tab' || e.shiftKey || e.currentTarget.value.trim() === '') return;
        const r = settle(base, e.currentTarget.value);
        if (!r.valid) return;
        e.preventDefault();
        const nameId = fieldId([...base, 'name']);
        if (!r.name) focusById(nameId);
        else focusNextStop(e.currentTarget.closest('form')!, nameId);
      }}
    />
  );
}

/** The visitor's document row, with gender and birth date filled from it. */
export function VisitorCredentialFields({ settle }: { settle: SettleId }) {
  const form = Form.useFormInstance<FormValues>();
  const type = (Form.useWatch(['visitor', 'credential', 'type'], form) as CredentialType | undefined) ?? 'resident';
  const number = (Form.useWatch(['visitor', 'credential', 'number'], form) as string | undefined) ?? '';
  const pathOf = useReferenceStore((s) => s.pathOf);
  const info = useMemo(() => {
    const r = parseCredential(type, splitReaderLine(number).number, today());
    return r.ok ? r.value : null;
  }, [type, number]);

  // What the number gave is filled in; when the number stops being valid, it is taken back.
  const filled = useRef(false);
  useEffect(() => {
    if (info && (info.gender || info.birthDate)) {
      form.setFieldValue(['visitor', 'gender'], info.gender ?? form.getFieldValue(['visitor', 'gender']));
      form.setFieldValue(['visitor', 'birthDate'], info.birthDate ?? form.getFieldValue(['visitor', 'birthDate']));
      filled.current = true;
    } else if (filled.current) {
      form.setFieldValue(['visitor', 'gender'], null);
      form.setFieldValue(['visitor', 'birthDate'], '');
      filled.current = false;
    }
  }, [info, form]);

  // DOMAIN.md §7: the number's address code gives the 户籍地 — a suggestion the clerk may change.
  const regionCode = info?.regionCode;
  useEffect(() => {
    if (!regionCode) return;
    let current = true;
    void pathOf(regionCode).then((path) => {
      const household: ['visitor', 'household', 'region'] = ['visitor', 'household', 'region'];
      if (current && path && ((form.getFieldValue(household) as string[] | undefined) ?? []).length === 0) form.setFieldValue(household, path);
    });
    return () => {
      current = false;
    };
  }, [regionCode, pathOf, form]);

  return (
    <>
      <Form.Item label="证件" required style={{ marginBottom: 0 }}>
        <Row gutter={8} wrap={false}>
          <Col flex="176px">
            <Form.Item name={['visitor', 'credential', 'type']} noStyle>
              <Select options={CREDENTIAL_TYPE_OPTIONS} aria-label="证件类型" popupMatchSelectWidth={false} />
            </Form.Item>
          </Col>
          <Col flex="auto">
            <Form.Item name={['visitor', 'credential', 'number']} normalize={(v: string) => v.toUpperCase()}>
              <IdNumberInput base={['visitor']} settle={settle} placeholder="刷证或输入证件号码" aria-label="证件号码" />
            </Form.Item>
          </Col>
        </Row>
      </Form.Item>
      <Row gutter={8} wrap={false}>
        <Col flex="200px">
          <Form.Item name={['visitor', 'gender']} label="性别">
            <Select options={GENDER_OPTIONS} disabled={info?.gender !== undefined} placeholder="请选择" allowClear />
          </Form.Item>
        </Col>
        <Col flex="auto">
          <Form.Item name={['visitor', 'birthDate']} label="出生日期" labelCol={{ flex: 'none' }}>
            <Input data-enter="" disabled={info?.birthDate !== undefined} placeholder="YYYY-MM-DD" maxLength={10} style={{ width: 130 }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
