// 来访人 beyond the document row: name, ethnicity, phones, the two addresses and the work unit.
import { Col, Form, Input, Row, Select } from 'antd';
import { ETHNICITIES } from '../../../domain/intake/registration';
import { AddressFields } from './AddressFields';
import { HALF } from './formLayout';

const ETHNICITY_OPTIONS = ETHNICITIES.map((e) => ({ value: e, label: e }));

export function VisitorFields() {
  return (
    <>
      <Row gutter={8} wrap={false}>
        <Col {...HALF}>
          <Form.Item name={['visitor', 'name']} label="姓名" required>
            <Input data-enter="" maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...HALF}>
          <Form.Item name={['visitor', 'ethnicity']} label="民族">
            <Select showSearch={{ optionFilterProp: 'label' }} options={ETHNICITY_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>

      <Row gutter={8} wrap={false}>
        <Col {...HALF}>
          <Form.Item name={['visitor', 'mobile']} label="手机">
            <Input data-enter="" maxLength={20} placeholder="11位手机号码" />
          </Form.Item>
        </Col>
        <Col {...HALF}>
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
    </>
  );
}
