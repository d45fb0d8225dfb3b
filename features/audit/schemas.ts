// The audit log's closed list of actions and the viewer's filters. Client-safe (no server imports): the
// viewer's filter offers the same list, each action translated under "audit.actions".
import { z } from "zod";

/** Every sensitive action the platform records (issue 9): a new one is added here first. */
export const AUDIT_ACTIONS = [
  "roster.import.commit",
  "roster.import.discard",
  "account.role.change",
  "account.disable",
  "account.enable",
  "certificate.revoke",
  "export.records",
  "export.enterprise-records",
  "export.coverage",
  "export.annex",
  "export.satisfaction",
  "export.survey-responses",
  "apikey.create",
  "apikey.revoke",
  "key-enterprise.designate",
  "key-enterprise.undesignate",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an event is about; the viewer names users, enterprises, schools, regions and surveys. */
export const AUDIT_TARGETS = ["User", "Enterprise", "School", "Region", "Survey", "Certificate", "RosterImport", "ApiKey"] as const;
export type AuditTargetType = (typeof AUDIT_TARGETS)[number];

/** A Beijing calendar day, YYYY-MM-DD. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The viewer's GET parameters; anything malformed is ignored rather than refused. */
export const auditFilterSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  /** The actor's mobile number, whole or in part (digits only). */
  actor: z.string().trim().regex(/^\d{3,11}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;
