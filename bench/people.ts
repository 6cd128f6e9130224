// Names and requests for the seeded store, spread like a county's: common surnames, one or two
// given characters, a few dozen kinds of request in many places. Search figures need them: with
// every visitor called 测试N and one request for all, every fragment would find every matter.
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红梅鹏飞辉建国志庆文斌宇浩凯健俊帆帅旭宁龙林欣然婷雪慧佳琳晨阳博海波亮成燕丹玲颖倩'];
const PLACES = ['建设路', '人民路', '解放路', '中山路', '文化路', '黄河路', '金水路', '花园路', '农业路', '紫荆山路', '纬五路', '经三路'];
const ISSUES = [
  '小区供暖不达标',
  '拖欠农民工工资',
  '征地补偿款未足额发放',
  '噪声扰民长期得不到处理',
  '物业公司违规收取停车费',
  '违章建筑占用消防通道',
  '医保异地报销困难',
  '养老保险待遇核定有误',
  '宅基地确权纠纷',
  '拆迁安置房迟迟未交付',
  '学校违规收取补课费',
  '企业夜间排污',
];

/** Two or three characters: a surname and one or two given characters. */
export function personName(n: number): string {
  const given = GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]!;
  const second = n % 3 === 0 ? GIVEN[Math.floor(n / 7) % GIVEN.length]! : '';
  return SURNAMES[n % SURNAMES.length]! + given + second;
}

export const placeOf = (n: number) => `${PLACES[n % PLACES.length]}${n % 300}号`;
export const issueOf = (n: number) => ISSUES[Math.floor(n / PLACES.length) % ISSUES.length]!;

export function request(n: number): string {
  return `反映${placeOf(n)}${issueOf(n)}问题，请求协调解决`;
}
