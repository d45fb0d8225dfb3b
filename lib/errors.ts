// Typed errors. Expected ones carry a code and a message key shown to the user; anything else is
// logged and shown as a generic message.

export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "VALIDATION" | "CONFLICT" | "RATE_LIMITED" | "UNAVAILABLE";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** An i18n key under "errors", or a ready message. */
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** Values for the message's placeholders. */
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthenticated = (message = "errors.unauthenticated") => new AppError("UNAUTHENTICATED", message);
export const forbidden = (message = "errors.forbidden") => new AppError("FORBIDDEN", message);
export const notFound = (message = "errors.notFound") => new AppError("NOT_FOUND", message);
export const conflict = (message = "errors.conflict") => new AppError("CONFLICT", message);
export const validation = (fieldErrors: Record<string, string[]>, message = "errors.validation") =>
  new AppError("VALIDATION", message, fieldErrors);

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/** Prisma known-request error codes, matched by code, never by message text. */
export function prismaErrorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string" && /^P\d{4}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Maps storage errors to typed ones: P2002 unique violation → Conflict, P2025 missing row → NotFound, the
 * database locked or unreachable (lib/db/errors.ts: P1001, P1008, P1017) → Unavailable, "try again".
 */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  switch (prismaErrorCode(error)) {
    case "P2002":
      return conflict();
    case "P2025":
      return notFound();
    case "P1001":
    case "P1008":
    case "P1017":
      // The database failed, not the request: a transaction it cut off rolled back; sending it again is the remedy.
      return new AppError("UNAVAILABLE", "errors.unavailable");
    default:
      return undefined;
  }
}
