// 来访方式 and 来访人数: how the visitor came and how many came; a number of people that makes a
// group opens the representatives list below.
import { Col, Form, InputNumber, Radio, Row } from 'antd';
import { CHANNEL_LABELS, type Channel } from '../../../domain/intake/registration';
import { LABEL_WIDTH } from './formLayout';

const CHANNEL_OPTIONS = (Object.keys(CHANNEL_LABELS) as Channel[]).map((value) => ({ value, label: CHANNEL_LABELS[value] }));

export function VisitFields() {
  return (
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
  );
}
