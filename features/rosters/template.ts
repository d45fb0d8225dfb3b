// The roster template to download (xlsx): the columns a file needs, an example row, the position
// categories with their codes, and text-formatted mobile and ID columns so Excel does not turn them into
// numbers (an 18-digit ID loses its last digits as a number).
import ExcelJS from "exceljs";
import { headerOf, TEMPLATE, type RosterKind } from "./rules";

const NOTES: Record<string, string> = {
  name: "必填",
  mobile: "必填，11位手机号，作为登录账号",
  idNumber: "选填，18位身份证号；平台只保存脱敏号码",
  position: "必填，填写岗位类别名称或代码（见“岗位类别”表）",
  hiredOn: "选填，如 2024-03-01",
  leftOn: "选填；填写后该人员自当日起不计入覆盖率",
  creditCode: "监管部门导入时必填；企业导入可不填",
  className: "必填，如 2025级电工1班",
};

export async function rosterTemplate(kind: RosterKind, positions: { code: string; name: string }[], withCreditCode: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "工伤预防线上培训平台";
  const columns = TEMPLATE[kind].columns.filter((c) => c !== "creditCode" || withCreditCode);
  const sheet = book.addWorksheet(kind === "STAFF" ? "花名册" : "学生名单");
  sheet.columns = columns.map((c) => ({
    header: headerOf(c) + (TEMPLATE[kind].required.includes(c) || (c === "creditCode" && withCreditCode) ? "" : "（选填）"),
    key: c,
    width: c === "idNumber" || c === "creditCode" ? 24 : 16,
    style: c === "mobile" || c === "idNumber" || c === "creditCode" ? { numFmt: "@" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    sheet.getCell(1, i + 1).note = NOTES[c] ?? "";
  });
  if (kind === "STAFF") {
    const list = `"${positions.map((p) => p.name).join(",")}"`;
    const positionCol = columns.indexOf("position") + 1;
    for (let r = 2; r <= 2000; r++) {
      sheet.getCell(r, positionCol).dataValidation = { type: "list", allowBlank: true, formulae: [list.length <= 255 ? list : "岗位类别!$A$2:$A$50"] };
    }
    const ref = book.addWorksheet("岗位类别");
    ref.columns = [
      { header: "岗位类别", key: "name", width: 28 },
      { header: "代码", key: "code", width: 26 },
    ];
    ref.getRow(1).font = { bold: true };
    for (const p of positions) ref.addRow(p);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
