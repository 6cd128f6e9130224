// What each kind of sync event is called at the window and in the city's console. Its own module:
// the window's status bar reads the labels at start, and events.ts would build every payload
// schema first (issue #15). events.ts holds it to exactly its event types.

/** What each kind of event is, in the window's words (the status bar names refused records by it). */
export const EVENT_TYPE_LABELS = {
  'matter.registered': '登记信访事项',
  'visit.recorded': '登记重复访',
  'attachment.added': '添加材料',
  'matter.transitioned': '办理步骤',
  'document.delivered': '文书送达',
  'supervision.issued': '督办',
  'supervision.resolved': '督办办结',
  'leaderCase.assigned': '领导包案',
  'participant.recorded': '律师、心理咨询师参与接访',
  'campaign.created': '专项工作',
  'audit.recorded': '操作留痕',
  // Corrections that keep history.
  'matter.corrected': '更正登记信息',
  'matter.voided': '作废登记',
  'matter.stepWithdrawn': '撤回办理步骤',
  // Excel in (历史台账).
  'matter.imported': '导入历史台账',
} as const;
