// 户籍地 or 现住地: a region down to the township (the clerk may stop at the county), and the rest
// of the address in words.
import { Col, Form, Input, Row } from 'antd';
import { RegionCascader } from './RegionCascader';

export function AddressFields({ name, label }: { name: 'household' | 'current'; label: string }) {
  return (
    <Form.Item label={label} style={{ marginBottom: 0 }}>
      <Row gutter={8} wrap={false}>
        <Col flex="300px">
          <Form.Item name={['visitor', name, 'region']}>
            <RegionCascader aria-label={`${label}所在地区`} />
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
