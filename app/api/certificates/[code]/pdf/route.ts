// GET /api/certificates/<code>/pdf: the certificate as a PDF, for its holder, their enterprise's admin,
// regulators of the region and administrators. Anyone may verify a certificate on /verify/<code>; the
// PDF with the full name is not public.
import { certificateForPdf } from "@/features/certificates/data";
import { certificatePdf } from "@/features/certificates/pdf";
import { env } from "@/lib/env";
import { fileResponse, routeHandler } from "@/lib/route";

export const GET = routeHandler("certificate pdf", "account.self", async (user, request, { params }: { params: Promise<{ code: string }> }) => {
  const cert = await certificateForPdf(user, (await params).code);
  const base = env.PUBLIC_URL ?? new URL(request.url).origin;
  const pdf = await certificatePdf({ ...cert, verifyUrl: `${base}/verify/${cert.code}` });
  return fileResponse(pdf, "application/pdf", `certificate-${cert.code}.pdf`, `培训合格证明-${cert.code}.pdf`);
});
