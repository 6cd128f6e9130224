// 代表: the representatives a group visit elects, at most five (条例 art. 18). The sixth is
// refused here (the add button is disabled with the rule beside it) and again by the backend.
import { Button, Col, Form, Input, Row, Select, theme, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { MAX_REPRESENTATIVES } from '../../../domain/intake/registration';
import { CREDENTIAL_TYPE_OPTIONS, IdNumberInput, type SettleId } from './CredentialFields';
import { LABEL_WIDTH } from './formLayout';
import { emptyPerson, type FormValues } from './formModel';

export const TOO_MANY_REPRESENTATIVES = `集体访代表最多${MAX_REPRESENTATIVES}人（《信访工作条例》第十八条）`;

const COLUMNS = { type: '150px', number: 'auto', name: '96px', mobile: '128px', remove: '32px' } as const;

interface Props {
  settle: SettleId;
  /** An error about the list as a whole (required, too many), from the form's check or the backend. */
  listError: string | null;
}

export function RepresentativesList({ settle, listError }: Props) {
  const form = Form.useFormInstance<FormValues>();
  const count = ((Form.useWatch('representatives', form) as FormValues['representatives'] | undefined) ?? []).length;
  const full = count >= MAX_REPRESENTATIVES;
  const { token } = theme.useToken();

  return (
    // Full width under its own heading: four boxes a row do not fit beside the label column.
    <div style={{ marginBottom: 12 }}>
      <Form.List name="representatives">
        {(fields, { add, remove }) => (
          <div data-testid="representatives">
            <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 4 }}>
              <span style={{ width: LABEL_WIDTH, textAlign: 'right' }}>
                {count > 0 && <span style={{ color: token.colorError, marginInlineEnd: 4 }}>*</span>}代表
              </span>
              <Button size="small" icon={<PlusOutlined />} disabled={full} onClick={() => add(emptyPerson())}>
                添加代表（{count}/{MAX_REPRESENTATIVES}）
              </Button>
              {full && (
                <Typography.Text type="warning" data-testid="representatives-limit">
                  {TOO_MANY_REPRESENTATIVES}
                </Typography.Text>
              )}
            </div>
            {fields.length > 0 && (
              <Row gutter={6} wrap={false} style={{ color: token.colorTextDescription, fontSize: 12, lineHeight: '20px' }}>
                <Col flex={COLUMNS.type}>证件类型</Col>
                <Col flex={COLUMNS.number}>证件号码</Col>
                <Col flex={COLUMNS.name}>姓名</Col>
                <Col flex={COLUMNS.mobile}>手机</Col>
                <Col flex={COLUMNS.remove} />
              </Row>
            )}
            {fields.map((field, i) => (
              <Row key={field.key} gutter={6} wrap={false} style={{ marginBottom: 6 }}>
                <Col flex={COLUMNS.type}>
                  <Form.Item name={[field.name, 'credential', 'type']} noStyle>
                    <Select options={CREDENTIAL_TYPE_OPTIONS} aria-label={`代表${i + 1}证件类型`} popupMatchSelectWidth={false} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col flex={COLUMNS.number} style={{ minWidth: 0 }}>
                  <Form.Item name={[field.name, 'credential', 'number']} normalize={(v: string) => v.toUpperCase()} style={{ marginBottom: 0 }}>
                    <IdNumberInput base={['representatives', field.name]} settle={settle} placeholder="刷证或输入" aria-label={`代表${i + 1}证件号码`} />
                  </Form.Item>
                </Col>
                <Col flex={COLUMNS.name}>
                  <Form.Item name={[field.name, 'name']} style={{ marginBottom: 0 }}>
                    <Input data-enter="" maxLength={50} aria-label={`代表${i + 1}姓名`} />
                  </Form.Item>
                </Col>
                <Col flex={COLUMNS.mobile}>
                  <Form.Item name={[field.name, 'mobile']} style={{ marginBottom: 0 }}>
                    <Input data-enter="" data-rep-row={field.name} maxLength={20} aria-label={`代表${i + 1}手机`} />
                  </Form.Item>
                </Col>
                <Col flex={COLUMNS.remove}>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={`删除代表${i + 1}`} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            {listError && (
              <Typography.Text type="danger" role="alert" style={{ display: 'block', marginTop: 4 }}>
                {listError}
              </Typography.Text>
            )}
          </div>
        )}
      </Form.List>
    </div>
  );
}
