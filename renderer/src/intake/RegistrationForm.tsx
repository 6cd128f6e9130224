// 来访登记 form: the visitor, typed or read from an ID card, the visit and the matter, saved
// through 'intake.register'. Built for the keyboard (DOMAIN.md §7): card readers type the number
// then Enter, so Enter walks the single-line fields in order (useEnterWalk), Ctrl+Enter registers
// from anywhere (useRegisterVisit), and the clerk never needs the mouse.
import { useRef, useState } from 'react';
import { Button, Card, Form, Space, Tag, Typography, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { api } from '../api/client';
import { useShortcut } from '../shell/useShortcut';
import { VisitorCredentialFields } from './CredentialFields';
import { FlagsFields } from './FlagsFields';
import { LABEL_WIDTH } from './formLayout';
import { fieldId, FORM_NAME, initialValues, type FormValues, type PersonValues } from './formModel';
import { newDraftId, useIntakeStore } from './intakeStore';
import { MatterFields } from './MatterFields';
import { RepresentativesList } from './RepresentativesList';
import { useCredentialCheck } from './useCredentialCheck';
import { useDraftAutosave } from './useDraftAutosave';
import { useEnterWalk } from './useEnterWalk';
import { useFieldChanges } from './useFieldChanges';
import { useFieldErrors } from './useFieldErrors';
import { useFocusRequest } from './useFocusRequest';
import { usePersonLookup } from './usePersonLookup';
import { useRegisterVisit } from './useRegisterVisit';
import { VisitFields } from './VisitFields';
import { VisitorFields } from './VisitorFields';

const ID_FIELD = fieldId(['visitor', 'credential', 'number']);

/** 初访, or 重复访 with the earlier matter the clerk linked this visit to. */
function VisitLinkTag() {
  const link = useIntakeStore((s) => s.link);
  const lookup = useIntakeStore((s) => s.lookup);
  if (link.kind !== 'repeat') return <Tag data-testid="link-tag">初访</Tag>;
  const linkedNo = lookup?.result.matters.find((m) => m.matterId === link.matterId)?.matterNo;
  return (
    <Tag color="orange" data-testid="link-tag">
      重复访 · 关联 {linkedNo}
    </Tag>
  );
}

export function RegistrationForm({ form, onRegistered }: { form: FormInstance<FormValues>; onRegistered: () => void }) {
  const [initial] = useState(initialValues);
  const container = useRef<HTMLDivElement>(null);
  const autosave = useDraftAutosave(form);
  usePersonLookup(form);
  const errors = useFieldErrors(form);
  // Starts on the ID: ready for a swipe.
  const requestFocus = useFocusRequest(ID_FIELD);
  const { settle, liveCheck } = useCredentialCheck(form, errors.setError, autosave.changed);
  const onKeyDown = useEnterWalk({ form, container, settle, requestFocus });
  const onValuesChange = useFieldChanges({ form, errors, liveCheck, edited: autosave.changed });

  /** An empty form, on the ID box, for the next visitor. */
  const startOver = () => {
    form.resetFields();
    errors.setListError(null);
    requestFocus(ID_FIELD);
  };
  const registered = () => {
    startOver();
    onRegistered();
  };
  const { submit, submitting } = useRegisterVisit({ form, errors, container, settleDraft: autosave.settle, registered });
  useShortcut('register', () => void submit());

  const clearForm = async () => {
    await autosave.settle();
    const { draftId, setDraftId } = useIntakeStore.getState();
    void api.invoke('drafts.discard', { id: draftId });
    setDraftId(newDraftId());
    startOver();
  };

  const headcount = (Form.useWatch('headcount', form) as number | null | undefined) ?? 1;
  const repCount = ((Form.useWatch('representatives', form) as PersonValues[] | undefined) ?? []).length;
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
          <VisitorFields />
          <VisitFields />
          {showReps && <RepresentativesList settle={settle} listError={errors.listError} />}
          <MatterFields />
          <FlagsFields />

          <Form.Item label=" " style={{ marginBottom: 0 }}>
            <Space size={12} wrap>
              <Button type="primary" htmlType="button" loading={submitting} onClick={() => void submit()} style={{ minWidth: 88 }}>
                登记
              </Button>
              <Button htmlType="button" onClick={() => void clearForm()}>
                清空
              </Button>
              <VisitLinkTag />
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
