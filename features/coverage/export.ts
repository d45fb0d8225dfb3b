// Coverage as files: the dashboard's tables as one xlsx workbook (a sheet per table), and seed 002's
// annex table (重点行业企业基本情况表) built from the platform's data and the figures the regulator entered.
import ExcelJS from "exceljs";
import type { CoverageReport } from "./data";

const share = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 10000);
const FAMILY: Record<string, string> = {
  TECH_SCHOOL: "技工院校工伤预防必修课",
  HAZCHEM_THREE_CATEGORIES: "危险化学品企业“三类人员”培训",
  TWO_REDUCTIONS: "“两降两增”定制化培训",
  GENERAL: "其他工伤预防培训",
};

function sheet(book: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width?: number; percent?: boolean }[], rows: Record<string, unknown>[]) {
  const ws = book.addWorksheet(name);
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14, style: c.percent ? { numFmt: "0.0%" } : {} }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  for (const r of rows) ws.addRow(r);
  return ws;
}

const figureColumns = [
  { header: "重点岗位人数", key: "total" },
  { header: "已完成培训", key: "trained" },
  { header: "覆盖率", key: "share", percent: true },
];

export async function coverageXlsx(report: CoverageReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "工伤预防线上培训平台";
  const day = report.asOf.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" });
  sheet(book, "概览", [{ header: "指标", key: "k", width: 28 }, { header: "数值", key: "v", width: 40 }], [
    { k: "地区", v: report.region.name },
    { k: "规划期", v: report.period.name },
    { k: "统计截至", v: day },
    { k: "重点岗位人员总数", v: report.headline.total },
    { k: "已完成培训人数", v: report.headline.trained },
    { k: "覆盖率", v: share(report.headline.share) },
    { k: `${report.year}年目标`, v: share(report.target) },
    { k: "重点企业数", v: report.keyEnterprises },
    { k: "未上传花名册的重点企业", v: report.enterprisesWithoutRoster },
    // Satisfaction of the same year (features/surveys/report.ts), truncated to one decimal as on the page.
    { k: `${report.satisfaction.year}年平均满意度（百分制）`, v: report.satisfaction.average === null ? "暂无数据" : Math.floor(report.satisfaction.average * 10 + 1e-7) / 10 },
    { k: `${report.satisfaction.year}年满意率`, v: report.satisfaction.satisfiedShare === null ? "暂无数据" : share(report.satisfaction.satisfiedShare) },
    { k: `${report.satisfaction.year}年有效满意度问卷`, v: report.satisfaction.respondents },
    { k: "满意度目标（分）", v: report.satisfaction.target },
    { k: "本期累计学时", v: report.classHours },
    { k: "近30天活跃学员", v: report.activeLearners },
  ]).getColumn(2).numFmt = "General";
  if (report.byRegion.length) {
    sheet(book, "按地区", [{ header: "地区代码", key: "code", width: 10 }, { header: "地区", key: "name", width: 16 }, ...figureColumns], report.byRegion);
  }
  sheet(book, "按企业", [
    { header: "企业名称", key: "name", width: 40 },
    { header: "统一社会信用代码", key: "creditCode", width: 22 },
    { header: "所在区县", key: "regionName" },
    { header: "行业", key: "industryName" },
    ...figureColumns,
  ], report.enterprises);
  sheet(book, "未达标企业", [
    { header: "企业名称", key: "name", width: 40 },
    { header: "统一社会信用代码", key: "creditCode", width: 22 },
    { header: "所在区县", key: "regionName" },
    { header: "行业", key: "industryName" },
    ...figureColumns,
  ], report.belowTarget);
  sheet(book, "按行业", [{ header: "行业", key: "name", width: 16 }, ...figureColumns], report.byIndustry);
  sheet(book, "按岗位", [{ header: "岗位类别", key: "name", width: 28 }, ...figureColumns], report.byPosition);
  sheet(book, "按课程类别", [{ header: "课程类别", key: "name", width: 32 }, ...figureColumns], report.byFamily.map((f) => ({ ...f, name: FAMILY[f.code] ?? f.code })));
  sheet(book, "未完成培训人员", [
    { header: "姓名", key: "name", width: 12 },
    { header: "手机号", key: "mobile", width: 14 },
    { header: "企业", key: "enterpriseName", width: 40 },
    { header: "区县", key: "regionName" },
    { header: "岗位类别", key: "positionName", width: 24 },
    { header: "备注", key: "note", width: 20 },
  ], report.untrained.map((u) => ({ ...u, note: u.noCourse ? "未分配培训课程" : "" })));
  sheet(book, "月度趋势", [{ header: "月份", key: "month", width: 10 }, ...figureColumns, { header: "目标", key: "target", percent: true }], report.trend);
  for (const ws of book.worksheets) {
    ws.eachRow((row, n) => {
      if (n === 1) return;
      row.eachCell((cell) => {
        if (cell.value === null) cell.value = "";
      });
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export type AnnexRow = {
  industryCode: string;
  industryName: string;
  /** From the platform: enterprises of the industry registered in the region. */
  enterprises: number;
  /** Entered by the regulator (no source on the platform). */
  insuredEnterprises: number | null;
  employees: number | null;
  insuredEmployees: number | null;
  accidents: number | null;
};

/** 工伤保险参保率 = insured employees ÷ employees; 工伤事故发生率 = accidents ÷ employees (DOMAIN.md). */
export function annexRates(r: Pick<AnnexRow, "employees" | "insuredEmployees" | "accidents">) {
  const ok = r.employees !== null && r.employees > 0;
  return {
    insuranceRate: ok && r.insuredEmployees !== null ? r.insuredEmployees / r.employees! : null,
    accidentRate: ok && r.accidents !== null ? r.accidents / r.employees! : null,
  };
}

const sum = (rows: AnnexRow[], key: "enterprises" | "insuredEnterprises" | "employees" | "insuredEmployees" | "accidents") =>
  rows.some((r) => r[key] === null) ? null : rows.reduce((n, r) => n + (r[key] ?? 0), 0);

export async function annexXlsx(input: { regionName: string; periodName: string; baseYear: number; rows: AnnexRow[] }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "工伤预防线上培训平台";
  const ws = book.addWorksheet("重点行业企业基本情况表");
  ws.mergeCells("A1:I1");
  ws.getCell("A1").value = `《工伤预防五年行动计划实施方案》重点行业企业基本情况表（${input.periodName}）`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A1").alignment = { horizontal: "center" };
  ws.getCell("A2").value = `填报单位：${input.regionName}人力资源和社会保障局`;
  const header = ["重点行业名称", "企业户数", "参保企业户数", "从业总人数", "参加工伤保险人数", "工伤保险参保率", `${input.baseYear}年工伤事故数量`, "工伤事故发生率", "备注"];
  const h = ws.addRow([]);
  ws.getRow(3).values = header;
  ws.getRow(3).font = { bold: true };
  void h;
  ws.columns = header.map((_, i) => ({ width: i === 0 ? 18 : i === 8 ? 30 : 14 }));
  const line = (name: string, r: Omit<AnnexRow, "industryCode" | "industryName">, note: string) => {
    const rates = annexRates(r);
    const row = ws.addRow([name, r.enterprises, r.insuredEnterprises, r.employees, r.insuredEmployees, rates.insuranceRate, r.accidents, rates.accidentRate, note]);
    row.getCell(6).numFmt = "0.00%";
    row.getCell(8).numFmt = "0.000%";
    return row;
  };
  const total = {
    enterprises: sum(input.rows, "enterprises") ?? 0,
    insuredEnterprises: sum(input.rows, "insuredEnterprises"),
    employees: sum(input.rows, "employees"),
    insuredEmployees: sum(input.rows, "insuredEmployees"),
    accidents: sum(input.rows, "accidents"),
  };
  line("合计", total, "");
  ws.getRow(4).font = { bold: true };
  for (const r of input.rows) {
    const missing = r.insuredEnterprises === null || r.employees === null || r.insuredEmployees === null || r.accidents === null;
    line(r.industryName, r, missing ? "部分数据待监管部门填报" : "");
  }
  ws.addRow([]);
  ws.addRow(["填报人："]);
  ws.addRow(["联系电话："]);
  ws.addRow([`备注：（1）请填写${input.baseYear}年底的数据。（2）企业户数取自平台企业登记；其余数据由监管部门填报。（3）基本情况作为考核评估的基础数据。`]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
