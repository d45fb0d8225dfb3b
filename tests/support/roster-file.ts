// A staff roster file (the import template's columns) of `count` people numbered from `from`, for the
// fault tests: mobiles `${prefix}` followed by the number (11 digits in all), no ID numbers, team leaders.
import ExcelJS from "exceljs";

export const rosterMobile = (prefix: string, n: number) => `${prefix}${String(n).padStart(11 - prefix.length, "0")}`;

export async function staffRoster(prefix: string, count: number, from = 0): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("花名册");
  sheet.addRow(["姓名", "手机号", "身份证号（选填）", "岗位类别", "入职日期（选填）", "离职日期（选填）"]);
  for (let n = from; n < from + count; n++) sheet.addRow([`故障测试${n}`, rosterMobile(prefix, n), "", "一线班组长", "2021-03-01", null]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
