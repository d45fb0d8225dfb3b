// GET /api/certificates/<code>/pdf: the certificate as a PDF, for its holder, their enterprise's admin,
// regulators of the region and administrators. Anyone may verify a certificate on /verify/<code>; the
// PDF with the full name is not public.
import { NextResponse } from "next/server";
import { certificateForPdf } from "@/features/certificates/data";
import { certificatePdf } from "@/features/certificates/pdf";
import { requireRequest } from "@/lib/authz";
import { env } from "@/lib/env";
import { AppError, HTTP_STATUS, toAppError } from "@/lib/errors";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const user = await requireRequest("account.self");
    const { code } = await params;
    const cert = await certificateForPdf(user, code);
    const base = env.PUBLIC_URL ?? new URL(request.url).origin;
    const pdf = await certificatePdf({ ...cert, verifyUrl: `${base}/verify/${cert.code}` });
    return new NextResponse(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="certificate-${cert.code}.pdf"; filename*=UTF-8''${encodeURIComponent(`培训合格证明-${cert.code}.pdf`)}`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    const known = toAppError(error);
    if (known instanceof AppError) return NextResponse.json({ error: known.code }, { status: HTTP_STATUS[known.code] });
    console.error("[certificate pdf] unexpected error", error);
    return NextResponse.json({ error: "UNEXPECTED" }, { status: 500 });
  }
}
