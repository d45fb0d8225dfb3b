// Course assignment: which learners a course's audience (content frontmatter) covers.
import { describe, expect, it } from "vitest";
import { audienceSchema } from "@/features/content/schemas";
import { lessonApplies, matchesAudience, type Audience, type LearnerProfile } from "@/features/learning/rules";

/** An audience as the content loader produces it: the frontmatter parsed by audienceSchema. */
const audience = (frontmatter: Record<string, unknown>): Audience => audienceSchema.parse(frontmatter);

const nobody: LearnerProfile = { positionCode: null, isSchoolStudent: false, industryCode: null, enterpriseCreditCode: null };
const learner = (profile: Partial<LearnerProfile>): LearnerProfile => ({ ...nobody, ...profile });

// Two enterprises (valid unified social credit codes).
const STEELWORKS = "91510400MA62C0NQ24";
const CHEMPLANT = "91510402MA6BQ2TH0W";

describe("matchesAudience", () => {
  describe("technical-school students", () => {
    const students = audience({ schoolStudents: true });

    it("covers a school student", () => {
      expect(matchesAudience(learner({ isSchoolStudent: true }), students)).toBe(true);
    });

    it("does not cover staff, whatever their position or industry", () => {
      expect(matchesAudience(learner({ positionCode: "TEAM_LEADER", industryCode: "HAZCHEM", enterpriseCreditCode: STEELWORKS }), students)).toBe(false);
    });

    it("does not cover a school student when the course is not for students", () => {
      expect(matchesAudience(learner({ isSchoolStudent: true }), audience({ positions: ["TEAM_LEADER"] }))).toBe(false);
    });
  });

  describe("within industries (a restriction, not a condition)", () => {
    // The three-categories course: key positions, but only in hazardous-chemicals enterprises.
    const threeCategories = audience({ positions: ["SAFETY_EXECUTIVE", "FULLTIME_SAFETY_MANAGER", "TEAM_LEADER"], withinIndustries: ["HAZCHEM"] });

    it("covers a learner in one of the positions in an enterprise of the industry", () => {
      expect(matchesAudience(learner({ positionCode: "TEAM_LEADER", industryCode: "HAZCHEM", enterpriseCreditCode: CHEMPLANT }), threeCategories)).toBe(true);
    });

    it("does not cover the same position in another industry, or without an enterprise", () => {
      expect(matchesAudience(learner({ positionCode: "TEAM_LEADER", industryCode: "METALLURGY", enterpriseCreditCode: STEELWORKS }), threeCategories)).toBe(false);
      expect(matchesAudience(learner({ positionCode: "TEAM_LEADER" }), threeCategories)).toBe(false);
    });

    it("does not by itself cover anyone in the industry", () => {
      expect(matchesAudience(learner({ positionCode: "OCC_HAZARD_WORKER", industryCode: "HAZCHEM", enterpriseCreditCode: CHEMPLANT }), threeCategories)).toBe(false);
      expect(matchesAudience(learner({ industryCode: "HAZCHEM", enterpriseCreditCode: CHEMPLANT }), audience({ withinIndustries: ["HAZCHEM"] }))).toBe(false);
    });
  });

  describe("key positions", () => {
    const leaders = audience({ positions: ["SAFETY_EXECUTIVE", "TEAM_LEADER"] });

    it("covers a learner in one of the positions", () => {
      expect(matchesAudience(learner({ positionCode: "TEAM_LEADER" }), leaders)).toBe(true);
      expect(matchesAudience(learner({ positionCode: "SAFETY_EXECUTIVE", enterpriseCreditCode: CHEMPLANT }), leaders)).toBe(true);
    });

    it("does not cover another position or a learner without one", () => {
      expect(matchesAudience(learner({ positionCode: "OCC_HAZARD_WORKER" }), leaders)).toBe(false);
      expect(matchesAudience(learner({}), leaders)).toBe(false);
    });
  });

  describe("industries", () => {
    const hazchem = audience({ industries: ["HAZCHEM", "FIREWORKS"] });

    it("covers staff of an enterprise in one of the industries", () => {
      expect(matchesAudience(learner({ industryCode: "FIREWORKS", enterpriseCreditCode: CHEMPLANT }), hazchem)).toBe(true);
    });

    it("does not cover another industry or a learner without one", () => {
      expect(matchesAudience(learner({ industryCode: "MINING" }), hazchem)).toBe(false);
      expect(matchesAudience(learner({ isSchoolStudent: true }), hazchem)).toBe(false);
    });
  });

  it("covers a learner who meets any one of several conditions", () => {
    const mixed = audience({ schoolStudents: true, positions: ["TEAM_LEADER"], industries: ["MINING"] });
    expect(matchesAudience(learner({ isSchoolStudent: true }), mixed)).toBe(true);
    expect(matchesAudience(learner({ positionCode: "TEAM_LEADER" }), mixed)).toBe(true);
    expect(matchesAudience(learner({ industryCode: "MINING" }), mixed)).toBe(true);
    expect(matchesAudience(learner({ positionCode: "PRINCIPAL_HEAD", industryCode: "HAZCHEM" }), mixed)).toBe(false);
  });

  describe("enterprise-restricted (customised) courses", () => {
    const steelworksLeaders = audience({ positions: ["TEAM_LEADER"], enterprises: [STEELWORKS] });

    it("covers the enterprise's staff who meet the other conditions", () => {
      expect(matchesAudience(learner({ positionCode: "TEAM_LEADER", enterpriseCreditCode: STEELWORKS }), steelworksLeaders)).toBe(true);
    });

    it("does not cover the enterprise's staff who fail the other conditions", () => {
      expect(matchesAudience(learner({ positionCode: "OCC_HAZARD_WORKER", enterpriseCreditCode: STEELWORKS }), steelworksLeaders)).toBe(false);
    });

    it("refuses another enterprise's staff even when the position matches", () => {
      expect(matchesAudience(learner({ positionCode: "TEAM_LEADER", enterpriseCreditCode: CHEMPLANT }), steelworksLeaders)).toBe(false);
    });

    it("refuses a learner without an enterprise even when the position matches", () => {
      expect(matchesAudience(learner({ positionCode: "TEAM_LEADER" }), steelworksLeaders)).toBe(false);
    });

    it("refuses a school student outside the enterprise even when the course is for students", () => {
      const a = audience({ schoolStudents: true, enterprises: [STEELWORKS] });
      expect(matchesAudience(learner({ isSchoolStudent: true }), a)).toBe(false);
    });

    it("covers staff of any of the listed enterprises", () => {
      const both = audience({ positions: ["TEAM_LEADER"], enterprises: [STEELWORKS, CHEMPLANT] });
      expect(matchesAudience(learner({ positionCode: "TEAM_LEADER", enterpriseCreditCode: CHEMPLANT }), both)).toBe(true);
    });
  });

  describe("enterprise-only audience", () => {
    const steelworksStaff = audience({ enterprises: [STEELWORKS] });

    it("covers all of the enterprise's staff, with or without a position", () => {
      expect(matchesAudience(learner({ enterpriseCreditCode: STEELWORKS }), steelworksStaff)).toBe(true);
      expect(matchesAudience(learner({ enterpriseCreditCode: STEELWORKS, positionCode: "TEAM_LEADER", industryCode: "METALLURGY" }), steelworksStaff)).toBe(true);
    });

    it("covers nobody outside the enterprise", () => {
      expect(matchesAudience(learner({ enterpriseCreditCode: CHEMPLANT, positionCode: "TEAM_LEADER" }), steelworksStaff)).toBe(false);
      expect(matchesAudience(learner({ isSchoolStudent: true }), steelworksStaff)).toBe(false);
    });
  });

  describe("empty audience", () => {
    it("defaults every condition to empty", () => {
      expect(audience({})).toEqual({ schoolStudents: false, positions: [], industries: [], enterprises: [], planPeriodKeyPositions: false, withinIndustries: [] });
    });

    it.each([
      ["a school student", learner({ isSchoolStudent: true })],
      ["a team leader", learner({ positionCode: "TEAM_LEADER", industryCode: "HAZCHEM", enterpriseCreditCode: STEELWORKS })],
      ["a learner with no profile", nobody],
    ])("matches nobody: %s", (_label, who) => {
      expect(matchesAudience(who, audience({}))).toBe(false);
    });
  });
});

describe("the plan period's key positions", () => {
  const keyStaff = audience({ planPeriodKeyPositions: true });
  const period2026 = ["PRINCIPAL_HEAD", "SAFETY_EXECUTIVE", "SAFETY_DEPT_HEAD", "TEAM_LEADER"];

  it("covers a key position in a key enterprise of the period", () => {
    expect(matchesAudience(learner({ positionCode: "TEAM_LEADER", isKeyEnterprise: true, periodKeyPositions: period2026 }), keyStaff)).toBe(true);
  });

  it("does not cover the same position outside a key enterprise", () => {
    expect(matchesAudience(learner({ positionCode: "TEAM_LEADER", isKeyEnterprise: false, periodKeyPositions: period2026 }), keyStaff)).toBe(false);
  });

  it("does not cover a position the period does not name", () => {
    // Accident-prone posts were key in 2021–2025, not in 2026–2030.
    expect(matchesAudience(learner({ positionCode: "ACCIDENT_PRONE_WORKER", isKeyEnterprise: true, periodKeyPositions: period2026 }), keyStaff)).toBe(false);
  });

  it("does not cover a learner without a position", () => {
    expect(matchesAudience(learner({ isKeyEnterprise: true, periodKeyPositions: period2026 }), keyStaff)).toBe(false);
  });
});

describe("syllabus lessons", () => {
  it("a lesson without positions is for every learner of the course", () => {
    expect(lessonApplies([], "TEAM_LEADER")).toBe(true);
    expect(lessonApplies([], null)).toBe(true);
  });

  it("a lesson with positions is only for those positions", () => {
    expect(lessonApplies(["FULLTIME_SAFETY_MANAGER"], "FULLTIME_SAFETY_MANAGER")).toBe(true);
    expect(lessonApplies(["FULLTIME_SAFETY_MANAGER"], "TEAM_LEADER")).toBe(false);
    expect(lessonApplies(["FULLTIME_SAFETY_MANAGER"], null)).toBe(false);
  });
});
