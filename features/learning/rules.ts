// Course assignment rules as pure functions. The course's audience (content frontmatter) names who
// must take it; a learner matches when any stated condition holds and the restrictions, if any, hold:
// the enterprise list includes the learner's enterprise, the industry list the enterprise's industry.
import type { z } from "zod";
import type { audienceSchema } from "@/features/content/schemas";

export type Audience = z.output<typeof audienceSchema>;

export type LearnerProfile = {
  positionCode: string | null;
  isSchoolStudent: boolean;
  industryCode: string | null;
  enterpriseCreditCode: string | null;
  /** The learner's enterprise is a key enterprise of the plan period in force. */
  isKeyEnterprise?: boolean;
  /** The key positions of the plan period in force (content/reference/plan-periods.yaml). */
  periodKeyPositions?: readonly string[];
};

export function matchesAudience(learner: LearnerProfile, audience: Audience): boolean {
  if (audience.enterprises.length > 0) {
    // A customised (两降两增) course is visible only to its enterprise's staff.
    if (!learner.enterpriseCreditCode || !audience.enterprises.includes(learner.enterpriseCreditCode)) return false;
  }
  if (audience.withinIndustries.length > 0 && (learner.industryCode === null || !audience.withinIndustries.includes(learner.industryCode))) return false;
  const byStudent = audience.schoolStudents && learner.isSchoolStudent;
  const byPosition = learner.positionCode !== null && audience.positions.includes(learner.positionCode);
  const byIndustry = learner.industryCode !== null && audience.industries.includes(learner.industryCode);
  const byPlanPeriod =
    audience.planPeriodKeyPositions &&
    Boolean(learner.isKeyEnterprise) &&
    learner.positionCode !== null &&
    (learner.periodKeyPositions ?? []).includes(learner.positionCode);
  const hasCondition = audience.schoolStudents || audience.positions.length > 0 || audience.industries.length > 0 || audience.planPeriodKeyPositions;
  // An enterprise-only audience with no other condition covers all of that enterprise's staff.
  if (!hasCondition) return audience.enterprises.length > 0;
  return byStudent || byPosition || byIndustry || byPlanPeriod;
}

/** Does a lesson of an assigned course apply to the learner? Syllabus lessons name their positions. */
export function lessonApplies(lessonPositions: readonly string[], positionCode: string | null): boolean {
  return lessonPositions.length === 0 || (positionCode !== null && lessonPositions.includes(positionCode));
}
