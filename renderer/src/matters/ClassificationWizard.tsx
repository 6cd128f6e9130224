// 依法分类 wizard (DOMAIN.md §3): asks the questions of CLASSIFICATION_QUESTIONS in the order
// nextQuestion gives (art. 31's items, stopping at the first that applies), then shows what
// classify() makes of the answers: class, route, the kind of body and the words for the visitor.
import { Alert, Button, Descriptions, Radio, Steps, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { CLASS_LABELS, OUTCOME_LABELS, ROUTE_LABELS } from '../../../domain/matters/routes';
import { classify, type Classification } from '../../../domain/matters/classification';
import { nextQuestion, QUESTION_BY_ID, type ClassificationAnswers, type ClassificationQuestion, type QuestionId } from '../../../domain/matters/questions';

export type Answer = { id: QuestionId; value: string | boolean };

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
] as const;

function answerLabel(q: ClassificationQuestion, value: string | boolean): string {
  if (q.kind === 'yes-no') return value ? '是' : '否';
  return q.options?.find((o) => o.value === value)?.label ?? String(value);
}

function QuestionBody({ question, onAnswer }: { question: ClassificationQuestion; onAnswer: (value: string | boolean) => void }) {
  const options = question.kind === 'yes-no' ? YES_NO : (question.options ?? []);
  return (
    <div data-testid={`question-${question.id}`}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {question.hint}
      </Typography.Paragraph>
      {/* No value kept: choosing an option answers and moves on; 上一步 takes it back. */}
      <Radio.Group value={null} optionType="button" buttonStyle="solid" onChange={(e) => onAnswer(e.target.value as string | boolean)}>
        {options.map((o) => (
          <Radio.Button key={String(o.value)} value={o.value}>
            {o.label}
          </Radio.Button>
        ))}
      </Radio.Group>
    </div>
  );
}

function ClassificationResult({ result }: { result: Classification }) {
  return (
    <div data-testid="classification-result">
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 110 } }}>
        <Descriptions.Item label="事项类别">{CLASS_LABELS[result.class]}</Descriptions.Item>
        <Descriptions.Item label="处理途径">
          {ROUTE_LABELS[result.route]} <Tag>{OUTCOME_LABELS[result.outcome]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="责任单位类别">{result.responsibleBodyKind}</Descriptions.Item>
        <Descriptions.Item label="依据">{result.basis}</Descriptions.Item>
      </Descriptions>
      {result.protectReporter && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title="检举人保护：检举人的身份和检举材料不得透露或转给被检举控告的人员、单位。" />
      )}
      <Alert type="info" style={{ marginTop: 8 }} title="向来访人告知" description={result.visitorText} />
    </div>
  );
}

/** Reports the classification once the answers are complete, and null while they are not; `initial` answers come from the pre-screen. */
export function ClassificationWizard({ onResult, initial = [] }: { onResult: (result: Classification | null) => void; initial?: Answer[] }) {
  const [answers, setAnswers] = useState<Answer[]>(initial);
  const pending = useMemo(() => {
    const given = Object.fromEntries(answers.map((a) => [a.id, a.value])) as Partial<ClassificationAnswers>;
    const next = nextQuestion(given);
    return { next, result: next ? null : classify(given) };
  }, [answers]);
  const result = pending.result?.ok ? pending.result.value : null;

  useEffect(() => onResult(result), [result, onResult]);

  const steps = [
    ...answers.map((a) => {
      const q = QUESTION_BY_ID[a.id];
      return { title: q.prompt, content: <Tag color="blue">{answerLabel(q, a.value)}</Tag>, status: 'finish' as const };
    }),
    pending.next
      ? {
          title: QUESTION_BY_ID[pending.next].prompt,
          content: <QuestionBody question={QUESTION_BY_ID[pending.next]} onAnswer={(value) => setAnswers([...answers, { id: pending.next!, value }])} />,
          status: 'process' as const,
        }
      : { title: '分类结果', content: result && <ClassificationResult result={result} />, status: 'finish' as const },
  ];

  return (
    <div data-testid="classification-wizard">
      <Steps orientation="vertical" size="small" items={steps} current={answers.length} />
      {pending.result && !pending.result.ok && <Alert type="error" title={pending.result.message} />}
      <Button size="small" disabled={answers.length === 0} onClick={() => setAnswers(answers.slice(0, -1))}>
        上一步
      </Button>
    </div>
  );
}
