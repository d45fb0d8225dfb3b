// 一人一档 as files: an xlsx workbook (exceljs) and a PDF (pdfkit with the CJK font). Pure rendering of
// a record already loaded and scoped by features/records/data.ts.
import ExcelJS from "exceljs";
import PDFDocument from "pdfkit";
import { cjkFont, cjkFontPath } from "@/lib/pdf-fonts";
import type { EnterpriseRecord, LearnerRecord } from "./data";

const day = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
const fmt = (d: Date | null | undefined) => (d ? day.format(d) : "");
const STATUS = { valid: "有效", expired: "已过期", revoked: "已撤销" } as const;

const attemptResult = (a: LearnerRecord["courses"][number]["attempts"][number]) =>
  a.status === "IN_PROGRESS" ? "作答中" : `${a.score ?? 0} 分 · ${a.passed ? "合格" : "不合格"}${a.submittedBy === "DEADLINE" ? "（到时自动交卷）" : ""}`;

export async function recordXlsx(record: LearnerRecord): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "工伤预防线上培训平台";
  const person = book.addWorksheet("学员信息");
  person.columns = [{ width: 14 }, { width: 40 }];
  person.addRows([
    ["姓名", record.person.name],
    ["手机号", record.person.mobile],
    ["单位/学校", record.person.organisation ?? ""],
    ["岗位", record.person.position ?? ""],
    ["建档日期", fmt(record.person.since)],
    ["满意度问卷", "暂无问卷"],
  ]);

  const courses = book.addWorksheet("课程与学时");
  courses.columns = [
    { header: "课程", key: "title", width: 44 },
    { header: "要求学时", key: "required", width: 10 },
    { header: "已完成学时", key: "done", width: 12 },
    { header: "完成日期", key: "completed", width: 12 },
    { header: "考试成绩（最高）", key: "best", width: 16 },
    { header: "证书编号", key: "code", width: 24 },
  ];
  for (const c of record.courses) {
    const graded = c.attempts.filter((a) => a.score !== null);
    courses.addRow({
      title: c.title,
      required: c.hoursRequired,
      done: c.hoursDone,
      completed: fmt(c.completedAt),
      best: graded.length > 0 ? Math.max(...graded.map((a) => a.score ?? 0)) : "",
      code: c.certificates.at(-1)?.code ?? "",
    });
  }

  const exams = book.addWorksheet("考试记录");
  const showFocus = record.courses.some((c) => c.attempts.some((a) => a.focusLoss !== null));
  exams.columns = [
    { header: "课程", key: "title", width: 44 },
    { header: "次数", key: "number", width: 8 },
    { header: "开始时间", key: "started", width: 12 },
    { header: "交卷时间", key: "submitted", width: 12 },
    { header: "结果", key: "result", width: 24 },
    ...(showFocus ? [{ header: "切屏次数", key: "focus", width: 10 }] : []),
  ];
  for (const c of record.courses)
    for (const a of c.attempts)
      exams.addRow({ title: c.title, number: a.cycle > 0 ? `复训第${a.number}次` : `第${a.number}次`, started: fmt(a.startedAt), submitted: fmt(a.submittedAt), result: attemptResult(a), focus: a.focusLoss ?? "" });

  const certs = book.addWorksheet("证书");
  certs.columns = [
    { header: "课程", key: "title", width: 44 },
    { header: "证书编号", key: "code", width: 24 },
    { header: "学时", key: "hours", width: 8 },
    { header: "发证日期", key: "issued", width: 12 },
    { header: "有效期至", key: "expires", width: 12 },
    { header: "状态", key: "status", width: 8 },
  ];
  for (const c of record.courses)
    for (const x of c.certificates) certs.addRow({ title: c.title, code: x.code, hours: x.classHours, issued: fmt(x.issuedAt), expires: x.expiresAt ? fmt(x.expiresAt) : "长期有效", status: STATUS[x.status] });

  for (const sheet of [courses, exams, certs]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function recordPdf(record: LearnerRecord): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 48, lang: "zh-CN", font: cjkFontPath("regular"), info: { Title: `学员培训档案 ${record.person.name}` } });
  doc.registerFont("R", cjkFont("regular"));
  doc.registerFont("B", cjkFont("bold"));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font("B").fontSize(18).text("学员培训档案（一人一档）", { align: "center" });
  doc.moveDown(0.8).font("R").fontSize(11);
  doc.text(`姓名：${record.person.name}    手机号：${record.person.mobile}`);
  doc.text(`单位/学校：${record.person.organisation ?? "—"}    岗位：${record.person.position ?? "—"}`);
  doc.text(`满意度问卷：暂无问卷`);
  for (const c of record.courses) {
    doc.moveDown(0.8).font("B").fontSize(13).text(c.title);
    doc.font("R").fontSize(11);
    doc.text(`学时：已完成 ${c.hoursDone} 学时 / 要求 ${c.hoursRequired} 学时${c.completedAt ? `，${fmt(c.completedAt)} 完成` : "，未完成"}`);
    if (c.attempts.length === 0) doc.text("考试：暂无记录");
    for (const a of c.attempts) doc.text(`考试${a.cycle > 0 ? "（复训）" : ""}第 ${a.number} 次（${fmt(a.startedAt)}）：${attemptResult(a)}${a.focusLoss !== null ? `，切屏 ${a.focusLoss} 次` : ""}`);
    for (const x of c.certificates) doc.text(`证书：${x.code}，${fmt(x.issuedAt)} 发证，${x.expiresAt ? `有效期至 ${fmt(x.expiresAt)}` : "长期有效"}（${STATUS[x.status]}）`);
  }
  doc.moveDown(1).fontSize(9).fillColor("#6b7280").text(`生成日期：${fmt(new Date())}`);
  doc.end();
  return done;
}

/** 一企一档 as xlsx: one row per staff member and assigned course. */
export async function enterpriseRecordXlsx(record: EnterpriseRecord): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "工伤预防线上培训平台";
  const sheet = book.addWorksheet("一企一档");
  sheet.addRow([`${record.enterprise.name}（${record.enterprise.creditCode}）`]).font = { bold: true };
  sheet.addRow([`行业：${record.enterprise.industry}    地区：${record.enterprise.region}    导出日期：${fmt(new Date())}`]);
  const header = sheet.addRow(["姓名", "手机号", "岗位", "课程", "要求学时", "已完成学时", "完成日期", "最高考试成绩", "证书编号", "证书状态"]);
  header.font = { bold: true };
  for (const s of record.staff) {
    if (s.courses.length === 0) sheet.addRow([s.name, s.mobile, s.position ?? "", "（无分配课程）"]);
    for (const c of s.courses)
      sheet.addRow([s.name, s.mobile, s.position ?? "", c.title, c.hoursRequired, c.hoursDone, fmt(c.completedAt), c.bestScore ?? "", c.certificate?.code ?? "", c.certificate ? STATUS[c.certificate.status] : ""]);
  }
  [10, 14, 14, 44, 10, 12, 12, 14, 24, 10].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return Buffer.from(await book.xlsx.writeBuffer());
}
