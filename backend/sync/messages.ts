// Plain-Chinese words for every sync outcome a person may see in the status bar.
export const SYNC_MESSAGES = {
  server_unreachable: '无法连接市级服务器，记录已安全保存在本机，联网后自动上传',
  timeout: '市级服务器响应超时，稍后自动重试',
  server_error: '市级服务器暂时故障，稍后自动重试',
  rate_limited: '市级服务器繁忙，稍后自动重试',
  device_unauthorized: '本机未获授权或已被市级注销，请联系管理员重新注册',
  seq_conflict: '本机记录序号与市级记录冲突，已停止上传，请联系管理员',
  bad_request: '市级服务器拒收本批数据，已停止上传，请联系管理员',
  seq_gap: '正在与市级服务器核对记录序号，稍后自动重试',
  not_enrolled: '本机尚未注册到市级服务器',
  enroll_code_invalid: '注册码无效、已过期或已被使用',
  attachment_corrupt: '本机一个附件文件已损坏，与登记时不一致，请联系管理员',
  bad_response: '市级服务器的应答不合规范（服务器故障或连接被篡改），本机记录未作任何改动，稍后自动重试',
  tls_untrusted: '市级服务器的安全证书无法验证（证书无效或连接被拦截），未发送任何记录，稍后自动重试；如持续出现请联系管理员',
  insecure_server_url: '市级服务器地址不是加密连接（https://），已停止同步，请管理员用 https:// 地址重新注册',
} as const;
export type SyncErrorCode = keyof typeof SYNC_MESSAGES;

/** Errors that retrying cannot fix: stop until a person acts. */
export const FATAL_SYNC_ERRORS: ReadonlySet<SyncErrorCode> = new Set(['device_unauthorized', 'seq_conflict', 'bad_request', 'insecure_server_url']);

/** Errors that mean the city could not be reached (safely): the status bar shows offline. */
export const OFFLINE_SYNC_ERRORS: ReadonlySet<SyncErrorCode> = new Set(['server_unreachable', 'timeout', 'tls_untrusted']);

/** At enrolment nothing waits to upload yet: the words are about reaching the city at all. */
export const ENROLL_MESSAGES: Partial<Record<SyncErrorCode, string>> = {
  server_unreachable: '无法连接市级服务器，请核对服务器地址和网络后重试',
  timeout: '市级服务器响应超时，请稍后重试',
  server_error: '市级服务器暂时故障，请稍后重试',
  bad_response: '该地址的应答不像市级信访服务器，请核对服务器地址',
  tls_untrusted: '市级服务器的安全证书无法验证（证书无效、过期或连接被拦截），未注册；请核对服务器地址，如无误请联系市级管理员',
  insecure_server_url: '市级服务器地址必须以 https:// 开头（加密连接），以保护来访人信息',
};
