// The printable certificate: a real PDF with the CJK font embedded as a subset, read back as text.
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { type CertificatePdfInput, certificatePdf } from "@/features/certificates/pdf";

const BASE: CertificatePdfInput = {
  code: "K7QM-2XRD-9PFA-H3TW",
  verifyUrl: "https://example.org/verify/K7QM-2XRD-9PFA-H3TW",
  holderName: "张班长",
  idHint: "138****0006",
  courseTitle: "危险化学品企业“三类人员”工伤预防能力提升培训",
  classHours: 24,
  creditedHours: 24.3,
  score: 92,
  issuer: "示范市工伤预防培训中心",
  // 2026-11-23 00:30 in Shanghai, still the 22nd in UTC.
  issuedAt: new Date("2026-11-22T16:30:00Z"),
  expiresAt: new Date("2029-11-22T16:30:00Z"),
  revoked: false,
};

/** The PDF's text with all whitespace removed (extraction may break long sentences anywhere). */
async function pdfText(buf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(buf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, "");
  } finally {
    await parser.destroy();
  }
}

describe("certificatePdf", () => {
  it("prints the holder, course, hours, score, code, issuer and expiry", async () => {
    const buf = await certificatePdf(BASE);
    expect(buf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(buf.length).toBeLessThan(300 * 1024);

    const text = await pdfText(buf);
    expect(text).toContain("培训合格证明");
    expect(text).toContain("张班长");
    expect(text).toContain("138****0006");
    expect(text).toContain("危险化学品企业“三类人员”工伤预防能力提升培训");
    expect(text).toContain("24学时");
    expect(text).toContain("实际完成24.3学时");
    expect(text).toContain("考核成绩92分");
    expect(text).toContain("K7QM-2XRD-9PFA-H3TW");
    expect(text).toContain("示范市工伤预防培训中心");
    expect(text).toContain("发证日期：2026年11月23日");
    expect(text).toContain("有效期至：2029年11月23日");
    expect(text).toContain("扫码核验证书真伪");
    expect(text).not.toContain("已撤销");
  }, 30_000);

  it("leaves out the score when the course has no exam, and shows an open-ended validity", async () => {
    const buf = await certificatePdf({
      ...BASE,
      idHint: null,
      classHours: 10,
      creditedHours: 10.04,
      score: null,
      expiresAt: null,
    });
    const text = await pdfText(buf);
    expect(text).toContain("长期有效");
    expect(text).not.toContain("考核成绩");
    expect(text).toContain("学时10学时（实际完成10学时）");
    expect(text).toContain("张班长");
    expect(text).toContain("K7QM-2XRD-9PFA-H3TW");
  }, 30_000);

  it("marks a revoked certificate", async () => {
    const buf = await certificatePdf({ ...BASE, revoked: true });
    const text = await pdfText(buf);
    expect(text).toContain("已撤销");
    expect(text).toContain("K7QM-2XRD-9PFA-H3TW");
  }, 30_000);

  it("sets the document title and author", async () => {
    const buf = await certificatePdf(BASE);
    const parser = new PDFParse({ data: new Uint8Array(buf) });
    const info = (await parser.getInfo()).info as Record<string, unknown>;
    await parser.destroy();
    expect(info.Title).toBe("培训合格证明 K7QM-2XRD-9PFA-H3TW");
    expect(info.Author).toBe("示范市工伤预防培训中心");
  }, 30_000);
});
