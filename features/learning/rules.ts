// Course assignment rules as pure functions. The course's audience (content frontmatter) names who
// must take it; a learner matches when any stated condition holds and the enterprise restriction, if
// any, includes the learner's enterprise.
import type { z } from "zod";
import type { audienceSchema } from "@/features/content/schemas";

export type Audience = z.output<typeof audienceSchema>;

export type LearnerProfile = {
  positionCode: string | null;
  isSchoolStudent: boolean;
  industryCode: string | null;
  enterpriseCreditCode: string | null;
};

export function matchesAudience(learner: LearnerProfile, audience: Audience): boolean {
  if (audience.enterprises.length > 0) {
    // A customised (两降两增) course is visible only to its enterprise's staff.
    if (!learner.enterpriseCreditCode || !audience.enterprises.includes(learner.enterpriseCreditCode)) return false;
  }
  const byStudent = audience.schoolStudents && learner.isSchoolStudent;
  const byPosition = learner.positionCode !== null && audience.positions.includes(learner.positionCode);
  const byIndustry = learner.industryCode !== null && audience.industries.includes(learner.industryCode);
  const hasCondition = audience.schoolStudents || audience.positions.length > 0 || audience.industries.length > 0;
  // An enterprise-only audience with no other condition covers all of that enterprise's staff.
  if (!hasCondition) return audience.enterprises.length > 0;
  return byStudent || byPosition || byIndustry;
}
