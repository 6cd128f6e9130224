// 标记: 越级 (DOMAIN.md §2: registered here, guided to the competent level), 三跨三分离 (joint
// handling), 涉法涉诉 and 重大紧急 — what routing and the bureau's daily figures count.
import { Checkbox, Col, Form, Row, Select } from 'antd';
import { FLAG_LABELS, SKIP_LEVEL_LABELS, skipLevelSchema, type FlagName } from '../../../domain/intake/flags';

const SKIP_OPTIONS = [
  { value: '', label: '否' },
  ...skipLevelSchema.options.map((value) => ({ value, label: SKIP_LEVEL_LABELS[value] })),
];

const THREE_CROSS: FlagName[] = ['crossRegion', 'crossDepartment', 'crossSector'];
const THREE_APART: FlagName[] = ['personHouseholdApart', 'personMatterApart', 'matterHouseholdApart'];
const OTHER: FlagName[] = ['lawRelated', 'majorUrgent'];

function FlagBox({ name }: { name: FlagName }) {
  return (
    <Form.Item name={['flags', name]} valuePropName="checked" noStyle>
      <Checkbox>{FLAG_LABELS[name]}</Checkbox>
    </Form.Item>
  );
}

const row = (names: FlagName[]) => (
  <Row gutter={0} wrap={false}>
    {names.map((n) => (
      <Col key={n} flex="96px">
        <FlagBox name={n} />
      </Col>
    ))}
  </Row>
);

export function FlagsFields() {
  return (
    <>
      <Row gutter={8} wrap={false}>
        <Col flex="220px">
          <Form.Item name={['flags', 'skipLevel']} label="越级">
            <Select options={SKIP_OPTIONS} />
          </Form.Item>
        </Col>
        <Col flex="auto" style={{ paddingTop: 5 }}>
          {row(OTHER)}
        </Col>
      </Row>
      <Form.Item label="三跨三分离">
        {row(THREE_CROSS)}
        {row(THREE_APART)}
      </Form.Item>
    </>
  );
}
