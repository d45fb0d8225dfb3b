// The printable training certificate ("培训合格证明") as a PDF: A4 landscape, Simplified Chinese, with a QR
// code that opens the public verify page. Pure rendering, no database access and no "server-only" import,
// so it can be unit-tested; the caller loads the certificate and decides who may download it.
//
// The CJK font (Noto Sans SC, OFL) comes from the npm package @expo-google-fonts/noto-sans-sc. The files
// are about 10 MB each, but pdfkit embeds only the glyphs used (a subset), so a certificate stays small.

import PDFDocument from "pdfkit";
import { cjkFont, cjkFontPath } from "@/lib/pdf-fonts";
import QRCode from "qrcode";

export type CertificatePdfInput = {
  /** Verify code, e.g. "K7QM-2XRD-9PFA-H3TW". */
  code: string;
  /** Absolute URL of the public verify page, put into the QR code. */
  verifyUrl: string;
  /** Full name, e.g. "张班长". */
  holderName: string;
  /** Optional masked id or mobile number, e.g. "138****0006". */
  idHint?: string | null;
  courseTitle: string;
  /** Nominal class hours of the course, e.g. 24. */
  classHours: number;
  /** Hours actually credited, e.g. 24.3 (printed with one decimal at most). */
  creditedHours: number;
  /** Exam score, or null when the course has no exam. */
  score: number | null;
  issuer: string;
  issuedAt: Date;
  expiresAt: Date | null;
  /** When true the certificate carries a clear "已撤销" (revoked) mark. */
  revoked: boolean;
};

// The CJK font (lib/pdf-fonts.ts): one regular and one bold subset embedded per document.
const REGULAR = "NotoSansSC";
const BOLD = "NotoSansSC-Bold";

const dateFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "long",
  day: "numeric",
});

/** "2026年11月23日", the calendar date in China. */
export const formatCertificateDate = (d: Date) => dateFormat.format(d);

/** Hours or score with one decimal at most, trailing ".0" dropped: 24.3 → "24.3", 24.04 → "24". */
export const formatHours = (n: number) => String(Math.round(n * 10) / 10 + 0);

/** The sentence that certifies the training. */
export function certificateSentence(input: CertificatePdfInput): string {
  const who = input.idHint ? `${input.holderName}（${input.idHint}）` : input.holderName;
  const hours = `学时 ${formatHours(input.classHours)} 学时（实际完成 ${formatHours(input.creditedHours)} 学时）`;
  const head = `${who} 同志于 ${formatCertificateDate(input.issuedAt)} 完成《${input.courseTitle}》`;
  return input.score === null
    ? `${head}学习，${hours}。`
    : `${head}，${hours}，考核成绩 ${formatHours(input.score)} 分，成绩合格。`;
}

// Colours: dark ink, a muted gold for the frame, red for the revoked mark.
const INK = "#1f2937";
const MUTED = "#6b7280";
const FRAME = "#b08d57";
const RED = "#c81e1e";

export async function certificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const qr = await QRCode.toBuffer(input.verifyUrl, {
    type: "png",
    margin: 1,
    width: 240,
    errorCorrectionLevel: "M",
  });
  const title = `培训合格证明 ${input.code}`;

  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    lang: "zh-CN",
    displayTitle: true,
    info: { Title: title, Author: input.issuer, Subject: input.courseTitle, Keywords: input.code },
    // Start with the CJK font rather than pdfkit's built-in Helvetica, which would go unused.
    font: cjkFontPath("regular"),
  });
  doc.registerFont(REGULAR, cjkFont("regular"));
  doc.registerFont(BOLD, cjkFont("bold"));

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const W = doc.page.width; // 841.89
  const H = doc.page.height; // 595.28

  // Double frame.
  doc.lineWidth(2.5).strokeColor(FRAME).rect(24, 24, W - 48, H - 48).stroke();
  doc.lineWidth(0.8).strokeColor(FRAME).rect(32, 32, W - 64, H - 64).stroke();

  // Title.
  doc
    .font(BOLD)
    .fontSize(34)
    .fillColor(INK)
    .text("培训合格证明", 0, 66, { width: W, align: "center", characterSpacing: 10 });
  doc
    .moveTo(W / 2 - 120, 122)
    .lineTo(W / 2 + 120, 122)
    .lineWidth(1)
    .strokeColor(FRAME)
    .stroke();

  const left = 96;
  const bodyWidth = W - 2 * left;
  let y = 146;

  if (input.revoked) {
    doc
      .font(BOLD)
      .fontSize(30)
      .fillColor(RED)
      .text("已撤销", left, y, { width: bodyWidth, align: "center", characterSpacing: 8 });
    y += 42;
    doc
      .font(REGULAR)
      .fontSize(11)
      .fillColor(RED)
      .text("本证书已被发证单位撤销，不再作为培训合格的证明。", left, y, { width: bodyWidth, align: "center" });
    y += 24;
  } else {
    y += 24;
  }

  // The certifying sentence.
  doc
    .font(REGULAR)
    .fontSize(17)
    .fillColor(INK)
    .text(certificateSentence(input), left, y, { width: bodyWidth, lineGap: 10, indent: 34, align: "left" });

  // Details, bottom left; QR code, bottom right.
  const qrSize = 120;
  const qrX = W - 96 - qrSize;
  const qrY = H - 96 - qrSize - 14;
  const details: [string, string][] = [
    ["证书编号", input.code],
    ["发证单位", input.issuer],
    ["发证日期", formatCertificateDate(input.issuedAt)],
    ["有效期至", input.expiresAt ? formatCertificateDate(input.expiresAt) : "长期有效"],
  ];
  let dy = H - 96 - details.length * 26;
  for (const [label, value] of details) {
    doc.font(REGULAR).fontSize(13).fillColor(MUTED).text(`${label}：`, left, dy, { lineBreak: false });
    doc
      .font(label === "证书编号" ? BOLD : REGULAR)
      .fontSize(13)
      .fillColor(INK)
      .text(value, left + 78, dy, { width: qrX - left - 78 - 24, lineBreak: false, ellipsis: true });
    dy += 26;
  }

  doc.image(qr, qrX, qrY, { width: qrSize, height: qrSize });
  doc
    .font(REGULAR)
    .fontSize(10)
    .fillColor(INK)
    .text("扫码核验证书真伪", qrX - 40, qrY + qrSize + 4, { width: qrSize + 80, align: "center" });
  doc
    .font(REGULAR)
    .fontSize(6.5)
    .fillColor(MUTED)
    .text(input.verifyUrl, qrX - 90, qrY + qrSize + 20, {
      width: qrSize + 180,
      align: "center",
      lineBreak: false,
      ellipsis: true,
    });

  doc.end();
  return done;
}
