/**
 * Deterministic generator of reply-shaped Chinese text for the benchmark. Everything is composed
 * from the phrase pools below (written for this project, not taken from any real reply) with a
 * seeded PRNG, so a seed and a size always give the same text, on every machine.
 *
 * A generated reply has what real replies have: a document number, a title over one or two lines,
 * a category, an addressee, a receipt line, an opening, numbered measures at all four GB/T 9704
 * levels (stand-alone headings and paragraph openers), long paragraphs with quotes, brackets,
 * figures and inline `一是…二是…`, a next-steps section, and a footer (closing, signature, date,
 * contact, annotation, copy-to). Some replies carry what pasting from a web page leaves behind:
 * metadata lines, half-width punctuation, paragraphs collapsed onto one line.
 */

import { prng } from '../scripts/prng';

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
}

const CITIES = ['厦门', '福州', '泉州', '漳州', '莆田', '三明', '南平', '龙岩', '宁德', '贵阳', '遵义', '安顺'];
const DEPARTMENTS = [
  { organ: '教育局', short: '教', field: '教育' },
  { organ: '财政局', short: '财', field: '财政' },
  { organ: '卫生健康委员会', short: '卫健', field: '卫生健康' },
  { organ: '城乡建设局', short: '建', field: '城乡建设' },
  { organ: '民政局', short: '民', field: '民政' },
  { organ: '交通运输局', short: '交', field: '交通运输' },
  { organ: '人力资源和社会保障局', short: '人社', field: '人力资源和社会保障' },
  { organ: '生态环境局', short: '环', field: '生态环境' },
  { organ: '农业农村局', short: '农', field: '农业农村' },
  { organ: '文化和旅游局', short: '文旅', field: '文化和旅游' },
];
const PARTNERS = ['市财政局', '市发展改革委', '市自然资源和规划局', '市市场监督管理局', '市人力资源和社会保障局', '各区人民政府', '市住房和城乡建设局', '市数据管理局', '市总工会', '团市委'];
const TOPICS = [
  '加强中小学课后服务质量', '推进老旧小区加装电梯', '完善社区居家养老服务体系', '提升农村公路管护水平', '支持乡村教师周转宿舍建设',
  '优化营商环境促进民营经济发展', '加快城市停车设施建设', '推进垃圾分类常态化', '加强青少年心理健康教育', '扩大普惠性托育服务供给',
  '提高基层医疗卫生服务能力', '促进高校毕业生就业创业', '保护和利用历史文化街区', '推进智慧交通建设', '加强河湖生态保护修复',
];
const NAMES = ['陈明远', '林灵', '王丽华', '张健', '吴陵', '黄晓燕', '郑国强', '李思齐', '周若琳', '许文博', '蔡志刚', '刘雅婷'];
const BODIES = ['民进厦门市委', '致公党福州市委', '民建福州市委', '农工党泉州市委', '九三学社漳州市委', '民盟厦门市委'];

const OPENERS = ['近年来，', '一直以来，', '今年以来，', '为此，', '同时，', '此外，', '在此基础上，', '按照上级部署，', '截至目前，', '据统计，'];
const SUBJECTS = ['我局', '市政府', '各区', '我们', '市里', '相关部门', '全市各级各部门', '我委', '项目所在区'];
const VERBS = [
  '会同{p}', '联合{p}', '指导{p}', '配合{p}', '牵头组织', '认真研究', '持续推进', '深入开展', '积极争取', '统筹协调', '加快推动', '着力完善',
];
const OBJECTS = [
  '出台《{t}实施方案》', '制定配套措施', '建立工作台账和定期调度机制', '开展专项督导检查', '安排专项资金{n}万元', '新增服务项目{n}个',
  '召开专题会议研究部署', '组织业务培训{n}场次', '建成示范点{n}处', '完成年度目标任务的{n}%', '梳理问题清单{n}项', '印发“{q}”工作指引',
];
const PURPOSES = [
  '确保各项措施落到实处', '切实减轻群众负担', '推动工作提质增效', '形成上下联动的工作格局', '满足群众多样化需求', '不断提升服务水平',
  '为{t}提供有力保障', '让群众有更多获得感', '防止问题反弹回潮', '推动{t}工作取得新成效',
];
const QUOTED = ['一窗受理、并联审批', '放管服', '双减', '一件事一次办', '街道吹哨、部门报到', '最多跑一次', '15分钟生活圈'];
const HEADING_TITLES = [
  '健全工作保障机制', '加大资金投入力度', '强化部门协同配合', '优化审批服务流程', '加强队伍建设', '完善监督评价体系', '拓展服务内容',
  '推进信息化建设', '强化宣传引导', '加强安全监管', '深化改革创新', '补齐基础设施短板', '建立长效管理机制', '开展试点示范',
];
const NEXT_TITLES = ['下一步工作打算', '今后工作计划', '存在的问题及下一步工作', '下阶段推进计划'];
const CLOSINGS = [
  '此复。感谢{y}对我市{f}工作的关心和支持，欢迎继续提出宝贵意见。', '特此函复。', '此复。', '感谢{y}对我们工作的关心和支持。',
];
const JUNK = ['发布时间：2024-05-20 10:21 浏览次数：{n}次', '【打印本页】【关闭窗口】', '分享到：', '扫一扫在手机打开当前页'];
const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 45 → 四十五 (up to 99). */
function cjk(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${CN_DIGITS[n % 10]}`;
  return `${CN_DIGITS[Math.floor(n / 10)]}十${CN_DIGITS[n % 10]}`;
}

export type ReplyKind = 'proposal-reply' | 'suggestion-reply' | 'co-handling-opinion' | 'rectification-report';

export interface ReplyOptions {
  /** Target size in UTF-8 bytes; the body grows until it is reached, then the footer follows. */
  readonly bytes: number;
  readonly kind?: ReplyKind;
  /** Probability of the traces of a web page (metadata lines, half-width punctuation). */
  readonly pasted?: number;
  /** Probability that a paragraph lost its full-width punctuation (pasted replies: one half). */
  readonly halfWidth?: number;
  /** Collapse at least one numbered section of this many characters onto one line (web paste). */
  readonly longLine?: number;
  /** Line break: `\n` (default) or `\r\n`. */
  readonly eol?: string;
}

/** Writes one reply; see the module comment. The size is met to within about 10 %. */
export function generateReply(seed: number, options: ReplyOptions): string {
  let text = composeReply(seed, options);
  let ask = options.bytes;
  for (let i = 0; i < 8; i++) {
    const got = Buffer.byteLength(text);
    if (got <= options.bytes * 1.1 && got >= options.bytes * 0.9) break;
    ask = Math.max(1024, Math.round(ask * (options.bytes / got)));
    text = composeReply(seed, { ...options, bytes: ask });
  }
  return text;
}

function composeReply(seed: number, options: ReplyOptions): string {
  const r = new Rng(seed);
  const eol = options.eol ?? '\n';
  const kind: ReplyKind = options.kind ?? r.pick(['proposal-reply', 'proposal-reply', 'suggestion-reply', 'suggestion-reply', 'co-handling-opinion', 'rectification-report']);
  const city = r.pick(CITIES);
  const dept = r.pick(DEPARTMENTS);
  const organ = `${city}市${dept.organ}`;
  const topic = r.pick(TOPICS);
  const year = r.int(2019, 2025);
  const number = String(r.int(1, 999)).padStart(r.chance(0.5) ? 4 : 1, '0');
  const pasted = r.chance(options.pasted ?? 0);
  let you = '您';
  const fill = (s: string): string => s
    .replace(/\{p\}/g, () => r.pick(PARTNERS))
    .replace(/\{t\}/g, () => topic)
    .replace(/\{f\}/g, () => dept.field)
    .replace(/\{q\}/g, () => r.pick(QUOTED))
    .replace(/\{n\}/g, () => String(r.int(2, 96)))
    .replace(/\{y\}/g, () => you);

  const out: string[] = [];
  let bytes = 0;
  const line = (s: string): void => {
    out.push(s);
    bytes += Buffer.byteLength(s) + eol.length;
  };
  const blank = (): void => line('');

  // ---- sentences and paragraphs
  const clause = (): string => `${r.chance(0.4) ? r.pick(OPENERS) : ''}${r.pick(SUBJECTS)}${fill(r.pick(VERBS))}${fill(r.pick(OBJECTS))}`;
  const sentence = (): string => {
    const parts = [clause()];
    const n = r.int(0, 3);
    for (let i = 0; i < n; i++) parts.push(r.chance(0.3) ? `${r.int(2015, 2025)}年${r.int(1, 12)}月${fill(r.pick(OBJECTS))}` : fill(r.pick(OBJECTS)));
    if (r.chance(0.25)) parts[parts.length - 1] += `（${r.pick(['详见附件', `第${r.int(1, 40)}条`, `${r.int(1, 99)}个`, '含县区'])}）`;
    if (r.chance(0.15)) parts.push(`按照“${r.pick(QUOTED)}”的要求`);
    parts.push(fill(r.pick(PURPOSES)));
    return `${parts.join('，')}。`;
  };
  const enumeration = (): string => {
    const n = r.int(2, 5);
    const items: string[] = [];
    for (let i = 1; i <= n; i++) items.push(`${cjk(i)}是${fill(r.pick(OBJECTS))}，${fill(r.pick(PURPOSES))}`);
    return `${r.pick(['主要做了以下工作：', '具体措施包括：', '重点抓好以下几项工作：'])}${items.join('；')}。`;
  };
  const paragraph = (min: number, max: number): string => {
    const target = r.int(min, max);
    let s = '';
    while (s.length < target) s += r.chance(0.12) ? enumeration() : sentence();
    return r.chance(pasted ? 0.5 : options.halfWidth ?? 0) ? halfWidth(s, r) : s;
  };

  // ---- head
  if (pasted) line(fill(r.pick(JUNK)));
  const docNo = kind === 'suggestion-reply' ? `${city.charAt(0)}${dept.short}建复〔${year}〕${r.int(1, 99)}号` : `${city.charAt(0)}${dept.short}提复〔${year}〕${r.int(1, 99)}号`;
  if (r.chance(0.7)) {
    line(docNo);
    blank();
  }
  const item = kind === 'suggestion-reply' ? '建议' : '提案';
  switch (kind) {
    case 'co-handling-opinion':
      line(`${organ}关于市政协十四届${cjk(r.int(1, 5))}次会议`);
      line(`第${number}号提案的协办意见`);
      break;
    case 'rectification-report':
      line(`${city}市${r.pick(['思明区', '湖里区', '鼓楼区', '芗城区'])}人民政府关于${dept.field}督导反馈问题整改情况的报告`);
      break;
    default:
      line(`${organ}关于市${kind === 'suggestion-reply' ? '十七届人大' : '政协十四届'}${cjk(r.int(1, 5))}次会议`);
      line(`第${number}号${item}的答复`);
  }
  blank();
  if (kind !== 'rectification-report' && r.chance(0.6)) {
    line(`答复类别：${r.pick(['A', 'B', 'C'])}类`);
    blank();
  }
  // the addressee, and how the text addresses the reader accordingly
  const role = kind === 'suggestion-reply' ? '代表' : '委员';
  if (kind === 'co-handling-opinion') {
    line(`${city}市${r.pick(DEPARTMENTS).organ}：`);
    you = '贵单位';
  } else if (kind === 'rectification-report') {
    line('市人民政府教育督导委员会办公室：');
    you = '贵办';
  } else if (kind === 'proposal-reply' && r.chance(0.15)) {
    line(`${r.pick(BODIES)}：`);
    you = '贵委';
  } else if (r.chance(0.2)) {
    const [a, b] = [r.pick(NAMES), r.pick(NAMES)];
    line(`${a}、${b === a ? NAMES[(NAMES.indexOf(a) + 1) % NAMES.length] : b}${role}：`);
    you = '你们';
  } else line(`${r.pick(NAMES)}${role}：`);
  blank();
  switch (kind) {
    case 'co-handling-opinion':
      line(`贵局主办的市政协第${number}号提案《关于${topic}的建议》收悉。我局作为协办单位，经认真研究，现提出协办意见如下：`);
      break;
    case 'rectification-report':
      line(`《关于反馈${year}年度${dept.field}工作评价意见的通知》（${city.charAt(0)}政督办〔${year}〕${r.int(1, 40)}号）收悉后，我区高度重视，现将整改情况报告如下：`);
      break;
    default:
      line(`${you}提出的《关于${topic}的${item}》（第${number}号）收悉。感谢${you}对我市${dept.field}工作的关心和支持。经认真研究，现答复如下：`);
  }
  blank();
  line(paragraph(120, 400));
  blank();

  // ---- body: numbered sections until the size is reached; the footer is about 400 bytes
  const target = options.bytes - 420;
  const sectionBytes = Math.max(3000, Math.ceil(target / 60));
  let longLineLeft = options.longLine ?? 0;
  let l1 = 0;
  while (bytes < target * 0.7 || l1 === 0) {
    l1++;
    const startBytes = bytes;
    const section: string[] = [];
    const sectionStart = out.length;
    const standalone = r.chance(0.7);
    line(standalone ? `${cjk(l1)}、${r.pick(HEADING_TITLES)}` : `${cjk(l1)}、${r.pick(HEADING_TITLES)}。${paragraph(150, 500)}`);
    blank();
    if (standalone) {
      line(paragraph(100, 300));
      blank();
    }
    let l2 = 0;
    while (bytes - startBytes < sectionBytes && bytes < target * 0.7 && l2 < 99) {
      l2++;
      line(r.chance(0.6) ? `（${cjk(l2)}）${r.pick(HEADING_TITLES)}。${paragraph(200, 700)}` : `（${cjk(l2)}）${r.pick(HEADING_TITLES)}`);
      blank();
      if (r.chance(0.45)) {
        const n3 = r.int(2, 5);
        for (let l3 = 1; l3 <= n3; l3++) {
          line(`${l3}.${r.pick(HEADING_TITLES)}。${paragraph(80, 300)}`);
          blank();
          if (r.chance(0.2)) {
            const n4 = r.int(2, 3);
            for (let l4 = 1; l4 <= n4; l4++) {
              line(`（${l4}）${paragraph(60, 200)}`);
              blank();
            }
          }
        }
      } else {
        line(paragraph(300, 1200));
        blank();
      }
    }
    if (longLineLeft > 0 && bytes - startBytes > 0) {
      // a web page collapsed this section onto one line: paragraphs separated by blanks
      section.push(...out.splice(sectionStart).filter((s) => s.length > 0));
      let joined = section.join(r.pick(['  ', '\u3000\u3000', ' ']));
      while (joined.length < longLineLeft) joined += ` ${paragraph(400, 800)}`;
      longLineLeft = 0;
      out.push(joined);
      out.push('');
      bytes = out.reduce((n, s) => n + Buffer.byteLength(s) + eol.length, 0);
    }
  }
  l1++;
  if (r.chance(0.8)) {
    line(`${cjk(l1)}、${r.pick(NEXT_TITLES)}`);
    blank();
    for (let i = 1; i <= r.int(2, 3); i++) {
      line(`（${cjk(i)}）${r.pick(HEADING_TITLES)}。${paragraph(100, 300)}`);
      blank();
    }
  } else {
    line(`下一步，我们将${paragraph(80, 240)}`);
    blank();
  }
  while (bytes < target) {
    line(paragraph(200, 600));
    blank();
  }

  // ---- footer
  line(fill(r.pick(CLOSINGS)));
  blank();
  line(kind === 'rectification-report' ? `${city}市${r.pick(['思明区', '湖里区'])}人民政府` : organ);
  line(`${year}年${r.int(1, 12)}月${r.int(1, 28)}日`);
  blank();
  if (r.chance(0.7)) line(`（联系人：${r.pick(NAMES)}，联系电话：0592-${r.int(1000000, 9999999)}）`);
  if (r.chance(0.5)) line(`（此件${r.pick(['公开发布', '主动公开', '依申请公开'])}）`);
  if (r.chance(0.4)) {
    blank();
    line(`抄送：市政协提案委员会，市政府督查室。`);
  }
  if (pasted) line(fill(r.pick(JUNK)));
  return out.join(eol) + eol;
}

/** What pasting from a web page does to punctuation: some full-width marks lose their width. */
function halfWidth(s: string, r: Rng): string {
  return s.replace(/[，：；（）]/g, (c) => (r.chance(0.6) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c));
}

/** The replies of the folder: sizes from about 2 KB to 16 KB, all kinds, some pasted, some CRLF. */
export function folderReply(seed: number, index: number): string {
  const r = new Rng(seed * 100003 + index);
  const bytes = Math.round(2048 * Math.exp(r.float() * Math.log(8)));
  return generateReply(seed * 100003 + index, { bytes, pasted: 0.15, eol: r.chance(0.1) ? '\r\n' : '\n' });
}
