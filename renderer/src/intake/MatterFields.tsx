// 事项: what the visitor brings — its category and place, whom it is about, the summary of the
// request and the facts behind it.
import { Col, Form, Input, Row } from 'antd';
import { CategoryCascader } from './CategoryCascader';
import { HALF } from './formLayout';
import { RegionCascader } from './RegionCascader';

export function MatterFields() {
  return (
    <>
      <Row gutter={8} wrap={false}>
        <Col {...HALF}>
          <Form.Item name="category" label="问题分类">
            <CategoryCascader />
          </Form.Item>
        </Col>
        <Col {...HALF}>
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
    </>
  );
}
