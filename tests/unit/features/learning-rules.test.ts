import { describe, expect, it } from "vitest";
import { matchesAudience, type Audience, type LearnerProfile } from "@/features/learning/rules";

const audience = (a: Partial<Audience>): Audience => ({ schoolStudents: false, positions: [], industries: [], enterprises: [], ...a });
const learner = (l: Partial<LearnerProfile>): LearnerProfile => ({
  positionCode: null,
  isSchoolStudent: false,
  industryCode: null,
  enterpriseCreditCode: null,
  ...l,
});

const VT = "91510411MA6230K1X7";
const CHEM = "91510403MA62D8R4UA";

describe("matchesAudience", () => {
  it("assigns the technical-school curriculum to students only", () => {
    const a = audience({ schoolStudents: true });
    expect(matchesAudience(learner({ isSchoolStudent: true }), a)).toBe(true);
    expect(matchesAudience(learner({ positionCode: "TEAM_LEADER" }), a)).toBe(false);
  });

  it("assigns by key position", () => {
    const a = audience({ positions: ["SAFETY_EXECUTIVE", "FULLTIME_SAFETY_MANAGER", "TEAM_LEADER"] });
    expect(matchesAudience(learner({ positionCode: "TEAM_LEADER" }), a)).toBe(true);
    expect(matchesAudience(learner({ positionCode: "ACCIDENT_PRONE_WORKER" }), a)).toBe(false);
    expect(matchesAudience(learner({}), a)).toBe(false);
  });

  it("assigns by the enterprise's industry", () => {
    const a = audience({ industries: ["HAZCHEM"] });
    expect(matchesAudience(learner({ industryCode: "HAZCHEM" }), a)).toBe(true);
    expect(matchesAudience(learner({ industryCode: "CONSTRUCTION" }), a)).toBe(false);
  });

  it("any stated condition is enough", () => {
    const a = audience({ schoolStudents: true, positions: ["TEAM_LEADER"] });
    expect(matchesAudience(learner({ isSchoolStudent: true }), a)).toBe(true);
    expect(matchesAudience(learner({ positionCode: "TEAM_LEADER" }), a)).toBe(true);
  });

  it("a customised course stays inside its enterprise even when the position matches", () => {
    const a = audience({ positions: ["TEAM_LEADER"], enterprises: [VT] });
    expect(matchesAudience(learner({ positionCode: "TEAM_LEADER", enterpriseCreditCode: VT }), a)).toBe(true);
    expect(matchesAudience(learner({ positionCode: "TEAM_LEADER", enterpriseCreditCode: CHEM }), a)).toBe(false);
    expect(matchesAudience(learner({ positionCode: "TEAM_LEADER" }), a)).toBe(false);
  });

  it("an enterprise-only audience covers all of that enterprise's staff", () => {
    const a = audience({ enterprises: [VT] });
    expect(matchesAudience(learner({ enterpriseCreditCode: VT }), a)).toBe(true);
    expect(matchesAudience(learner({ enterpriseCreditCode: CHEM, positionCode: "TEAM_LEADER" }), a)).toBe(false);
  });

  it("an empty audience is assigned to nobody", () => {
    expect(matchesAudience(learner({ isSchoolStudent: true, positionCode: "TEAM_LEADER", industryCode: "HAZCHEM" }), audience({}))).toBe(false);
  });
});
