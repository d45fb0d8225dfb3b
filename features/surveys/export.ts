// Satisfaction as files (issue 7): the regulator's report of a region and year as one workbook (a sheet
// per table of the dashboard), and one survey's responses for those who manage it. Averages are on the
// 100-point scale, truncated to one decimal as on the page (a figure just below the target never reads as
// reaching it); whether a figure meets its target is decided on the exact value.
//
// What the files never hold: the report's free text carries no learner identifier at all (survey,
// question, day, text, and the enterprise only for named surveys); an anonymous survey's responses carry
// no name, mobile, user id, respondent key, enterprise, response id or time — a row number, the region
// and the day.
import ExcelJS from "exceljs";
import type { SatisfactionReport, SurveyResponsesExport } from "./report";
import { LEVEL_SCORE, type Level } from "./rules";

export const LEVEL_NAMES: Record<Level, string> = {
  VERY_SATISFIED: "非常满意",
  SATISFIED: "满意",
  NEUTRAL: "一般",
  DISSATISFIED: "不满意",
  VERY_DISSATISFIED: "非常不满意",
};

export const DIMENSION_NAMES: Record<string, string> = {
  usefulness: "内容实用性",
  depth: "内容深度",
  teacher: "授课教师",
  methods: "培训方式",
  materials: "教材课件",
  organisation: "组织安排",
  overall: "总体满意度",
  other: "其他",
};

const TARGET_NAMES: Record<string, string> = { COURSE: "课程问卷", PROJECT: "项目问卷", SESSION: "线下培训问卷" };

const score = (v: number | null) => (v === null ? null : Math.floor(v * 10 + 1e-7) / 10);
const share = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 10000);
const status = (meets: boolean | null) => (meets === null ? "暂无数据" : meets ? "达标" : "未达标");
const dimension = (d: string, text: string) => (d === "other" ? `其他：${text}` : (DIMENSION_NAMES[d] ?? d));

type Col = { header: string; key: string; width?: number; percent?: boolean; score?: boolean };

function sheet(book: ExcelJS.Workbook, name: string, columns: Col[], rows: Record<string, unknown>[]) {
  const ws = book.addWorksheet(name);
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14, style: c.percent ? { numFmt: "0.0%" } : c.score ? { numFmt: "0.0" } : {} }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  for (const r of rows) {
    const row = ws.addRow(r);
    // Empty cells rather than nulls (a figure with no valid questionnaire is "no data", not zero).
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.value === null || cell.value === undefined) cell.value = "";
    });
  }
  return ws;
}

type Figure = { respondents: number; average: number | null; satisfiedShare: number | null; meetsTarget: boolean | null };
const figureColumns: Col[] = [
  { header: "有效问卷", key: "respondents", width: 10 },
  { header: "平均满意度", key: "average", width: 12, score: true },
  { header: "满意率", key: "satisfiedShare", width: 10, percent: true },
  { header: "是否达标", key: "status", width: 10 },
];
const figures = (f: Figure) => ({ respondents: f.respondents, average: score(f.average), satisfiedShare: share(f.satisfiedShare), status: status(f.meetsTarget) });

/** The satisfaction report of a region and year: 概览 and one sheet per table, the free text last. */
export async function satisfactionXlsx(report: SatisfactionReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "工伤预防线上培训平台";
  const h = report.headline;
  sheet(book, "概览", [{ header: "指标", key: "k", width: 30 }, { header: "数值", key: "v", width: 44 }], [
    { k: "地区", v: report.region.name },
    { k: "统计年度", v: report.year },
    { k: "规划期", v: report.period?.name ?? "" },
    { k: "平均满意度目标（分）", v: report.target },
    { k: "有效问卷", v: h.respondents },
    { k: "无效问卷（不计入统计）", v: report.invalid },
    { k: "平均满意度（百分制）", v: h.average === null ? "暂无数据" : score(h.average) },
    { k: "满意率（非常满意+满意）", v: h.satisfiedShare === null ? "暂无数据" : share(h.satisfiedShare) },
    { k: "是否达到目标", v: status(h.meetsTarget) },
    { k: "计分规则", v: "非常满意100、满意80、一般60、不满意40、非常不满意20；问卷得分为各评分题平均，平均满意度为有效问卷得分的平均" },
  ]).getColumn(2).numFmt = "General";

  sheet(book, "按项目", [
    { header: "项目", key: "name", width: 40 },
    { header: "年度", key: "year", width: 8 },
    { header: "地区", key: "regionName" },
    { header: "服务机构", key: "providerName", width: 28 },
    { header: "目标（分）", key: "target", width: 10 },
    ...figureColumns,
  ], report.byProject.map((p) => ({ name: p.name, year: p.year, regionName: p.regionName, providerName: p.providerName, target: p.target, ...figures(p) })));
  sheet(book, "按地区", [{ header: "地区代码", key: "key", width: 10 }, { header: "地区", key: "name", width: 16 }, ...figureColumns], report.byRegion.map((r) => ({ key: r.key, name: r.name, ...figures(r) })));
  sheet(book, "按课程", [{ header: "课程", key: "name", width: 40 }, ...figureColumns], report.byCourse.map((r) => ({ name: r.name, ...figures(r) })));
  sheet(book, "按服务机构", [{ header: "服务机构", key: "name", width: 32 }, ...figureColumns], report.byProvider.map((r) => ({ name: r.name, ...figures(r) })));
  sheet(book, "按企业", [{ header: "企业名称", key: "name", width: 40 }, { header: "统一社会信用代码", key: "creditCode", width: 22 }, ...figureColumns], report.byEnterprise.map((r) => ({ name: r.name, creditCode: r.creditCode, ...figures(r) })));
  sheet(book, "按问卷", [
    { header: "问卷", key: "name", width: 40 },
    { header: "问卷码", key: "code", width: 10 },
    { header: "类型", key: "target", width: 12 },
    { header: "课程", key: "courseTitle", width: 28 },
    { header: "匿名", key: "anonymous", width: 6 },
    ...figureColumns,
  ], report.bySurvey.map((r) => ({ name: r.name, code: r.code, target: TARGET_NAMES[r.target] ?? r.target, courseTitle: r.courseTitle, anonymous: r.anonymous ? "是" : "否", ...figures(r) })));
  sheet(book, "按题目", [
    { header: "维度", key: "dimension", width: 24 },
    { header: "题目", key: "text", width: 60 },
    { header: "作答数", key: "answered", width: 8 },
    { header: "平均分", key: "average", width: 10, score: true },
    { header: "是否达标", key: "status", width: 10 },
  ], report.byItem.map((i) => ({ dimension: dimension(i.dimension, i.text), text: i.text, answered: i.answered, average: score(i.average), status: status(i.meetsTarget) })));
  sheet(book, "低于目标", [
    { header: "类别", key: "kind", width: 10 },
    { header: "名称", key: "name", width: 48 },
    { header: "平均分", key: "average", width: 10, score: true },
    { header: "目标（分）", key: "target", width: 10 },
    { header: "有效问卷/作答数", key: "count", width: 14 },
  ], [
    ...report.belowTarget.items.map((i) => ({ kind: "题目", name: dimension(i.dimension, i.text), average: score(i.average), target: report.target, count: i.answered })),
    ...report.belowTarget.courses.map((c) => ({ kind: "课程", name: c.name, average: score(c.average), target: report.target, count: c.respondents })),
    ...report.belowTarget.projects.map((p) => ({ kind: "项目", name: p.name, average: score(p.average), target: p.target, count: p.respondents })),
  ]);
  // Free text, newest first: no learner identifier (named surveys show the enterprise, anonymous ones nothing).
  sheet(book, "意见建议", [
    { header: "序号", key: "no", width: 6 },
    { header: "日期", key: "day", width: 12 },
    { header: "问卷", key: "surveyTitle", width: 36 },
    { header: "题目", key: "question", width: 36 },
    { header: "企业", key: "enterpriseName", width: 32 },
    { header: "内容", key: "text", width: 80 },
  ], report.comments.map((c, i) => ({ no: i + 1, day: c.day, surveyTitle: c.surveyTitle, question: c.question, enterpriseName: c.anonymous ? "" : c.enterpriseName, text: c.text })));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * One survey's responses, one row each: every rating item's level (in Chinese) and score, every text
 * answer, the questionnaire's score, overall level and validity. A named survey adds the respondent's
 * name, masked mobile and enterprise and the time; an anonymous one only the row number, region and day.
 */
export async function surveyResponsesXlsx(data: SurveyResponsesExport): Promise<Buffer> {
  const { survey, rows, summary } = data;
  const book = new ExcelJS.Workbook();
  book.creator = "工伤预防线上培训平台";
  sheet(book, "说明", [{ header: "项目", key: "k", width: 24 }, { header: "内容", key: "v", width: 60 }], [
    { k: "问卷", v: survey.title },
    { k: "问卷码", v: survey.code },
    { k: "类型", v: TARGET_NAMES[survey.target] ?? survey.target },
    { k: "所属项目", v: survey.projectName },
    { k: "线下培训", v: survey.sessionTitle },
    { k: "课程", v: survey.courseTitle },
    { k: "面向地区", v: survey.regionName },
    { k: "匿名问卷", v: survey.anonymous ? "是（不含任何可识别个人的信息，仅有序号、地区和日期）" : "否" },
    { k: "答卷份数", v: rows.length },
    { k: "有效问卷", v: summary.respondents },
    { k: "平均满意度（百分制）", v: summary.average === null ? "暂无数据" : score(summary.average) },
    { k: "满意率", v: summary.satisfiedShare === null ? "暂无数据" : share(summary.satisfiedShare) },
  ]).getColumn(2).numFmt = "General";

  const who: Col[] = survey.anonymous
    ? [{ header: "地区", key: "regionName" }, { header: "日期", key: "day", width: 12 }]
    : [
        { header: "姓名", key: "name", width: 10 },
        { header: "手机号", key: "mobile", width: 14 },
        { header: "企业", key: "enterpriseName", width: 32 },
        { header: "地区", key: "regionName" },
        { header: "提交时间", key: "time", width: 18 },
      ];
  const answerColumns: Col[] = survey.items.flatMap((item, i) =>
    item.type === "rating"
      ? [
          { header: `${i + 1}. ${item.text}`, key: `l:${item.id}`, width: 14 },
          { header: `${i + 1}. 得分`, key: `s:${item.id}`, width: 8 },
        ]
      : [{ header: `${i + 1}. ${item.text}`, key: `t:${item.id}`, width: 40 }],
  );
  const time = (at: Date) => at.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
  sheet(book, "答卷", [
    { header: "序号", key: "no", width: 6 },
    ...who,
    ...answerColumns,
    { header: "问卷得分", key: "score", width: 10, score: true },
    { header: "总体评价", key: "level", width: 10 },
    { header: "有效问卷", key: "valid", width: 8 },
  ], rows.map((r) => {
    const out: Record<string, unknown> = { no: r.no, regionName: r.regionName, score: score(r.score), level: r.level ? LEVEL_NAMES[r.level] : "", valid: r.valid ? "是" : "否" };
    if (survey.anonymous) out.day = r.day;
    else {
      out.name = r.respondent?.name ?? "";
      out.mobile = r.respondent?.mobile ?? "";
      out.enterpriseName = r.respondent?.enterpriseName ?? "";
      out.time = r.submittedAt ? time(r.submittedAt) : r.day;
    }
    for (const item of survey.items) {
      const answer = r.answers[item.id];
      if (item.type === "rating") {
        const level = answer && answer in LEVEL_SCORE ? (answer as Level) : null;
        out[`l:${item.id}`] = level ? LEVEL_NAMES[level] : "";
        out[`s:${item.id}`] = level ? LEVEL_SCORE[level] : "";
      } else out[`t:${item.id}`] = answer ?? "";
    }
    return out;
  }));
  return Buffer.from(await book.xlsx.writeBuffer());
}
