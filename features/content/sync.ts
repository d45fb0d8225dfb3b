// Writes validated content into the database in one transaction: upsert by stable ids, archive what
// left content/ (never delete: learners' progress and attempts point at these rows), skip what is
// unchanged. Learner data (progress, attempts, certificates) is never touched here.
import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db";
import { DbNull } from "@/lib/db/json";
import type { LoadedContent } from "./load";

export type SyncReport = Record<"regions" | "industries" | "positions" | "periods" | "courses" | "lessons" | "questions" | "hazards" | "surveyTemplates", { written: number; unchanged: number; archived: number }>;

const emptyCount = () => ({ written: 0, unchanged: 0, archived: 0 });

export async function syncContent(db: Db, content: LoadedContent): Promise<SyncReport> {
  const report: SyncReport = {
    regions: emptyCount(),
    industries: emptyCount(),
    positions: emptyCount(),
    periods: emptyCount(),
    courses: emptyCount(),
    lessons: emptyCount(),
    questions: emptyCount(),
    hazards: emptyCount(),
    surveyTemplates: emptyCount(),
  };
  await db.$transaction(
    async (tx) => {
      await syncReference(tx, content, report);
      await syncCourses(tx, content, report);
      await syncHazards(tx, content, report);
      await syncSurveyTemplates(tx, content, report);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return report;
}

async function syncReference(tx: Tx, content: LoadedContent, report: SyncReport) {
  // Regions, parents before children.
  const wanted: { code: string; name: string; level: "PROVINCE" | "CITY" | "COUNTY"; parentCode: string | null }[] = [];
  for (const p of content.regions.provinces) {
    wanted.push({ code: p.code, name: p.name, level: "PROVINCE", parentCode: null });
    for (const city of p.cities) {
      wanted.push({ code: city.code, name: city.name, level: "CITY", parentCode: p.code });
      for (const county of city.counties) wanted.push({ code: county.code, name: county.name, level: "COUNTY", parentCode: city.code });
    }
  }
  const existing = new Map((await tx.region.findMany()).map((r) => [r.code, r]));
  for (const r of wanted) {
    const have = existing.get(r.code);
    if (have && have.name === r.name && have.level === r.level && have.parentCode === r.parentCode) {
      report.regions.unchanged++;
      continue;
    }
    await tx.region.upsert({ where: { code: r.code }, create: r, update: r });
    report.regions.written++;
  }

  const industries = new Map((await tx.industry.findMany()).map((r) => [r.code, r]));
  for (const [i, ind] of content.industries.industries.entries()) {
    const row = { ...ind, sortOrder: i };
    const have = industries.get(ind.code);
    if (have && have.name === row.name && have.nameEn === row.nameEn && have.sortOrder === i) {
      report.industries.unchanged++;
      continue;
    }
    await tx.industry.upsert({ where: { code: ind.code }, create: row, update: row });
    report.industries.written++;
  }

  const positions = new Map((await tx.positionCategory.findMany()).map((r) => [r.code, r]));
  for (const [i, pos] of content.positions.positions.entries()) {
    const row = { ...pos, sortOrder: i };
    const have = positions.get(pos.code);
    if (have && have.name === row.name && have.nameEn === row.nameEn && have.description === row.description && have.sortOrder === i) {
      report.positions.unchanged++;
      continue;
    }
    await tx.positionCategory.upsert({ where: { code: pos.code }, create: row, update: row });
    report.positions.written++;
  }

  // Plan periods: small; when anything differs, rewrite their lists whole.
  const periods = new Map(
    (await tx.planPeriod.findMany({ include: { positions: true, industries: true, milestones: { orderBy: { year: "asc" } } } })).map((r) => [r.id, r]),
  );
  const periodSnapshot = (p: {
    name: string; nameEn: string; startYear: number; endYear: number; coverageTarget: number; satisfactionTarget: number; source: string;
    positions: string[]; industries: string[]; milestones: { year: number; coverageTarget: number; accidentRateReduction: number | null }[];
  }) =>
    JSON.stringify([
      p.name, p.nameEn, p.startYear, p.endYear, p.coverageTarget, p.satisfactionTarget, p.source,
      [...p.positions].sort(), [...p.industries].sort(), p.milestones.map((m) => [m.year, m.coverageTarget, m.accidentRateReduction]),
    ]);
  for (const p of content.periods.periods) {
    const have = periods.get(p.id);
    const wanted = {
      name: p.name, nameEn: p.nameEn, startYear: p.startYear, endYear: p.endYear, coverageTarget: p.coverageTarget,
      satisfactionTarget: p.satisfactionTarget, source: p.source, positions: p.keyPositions, industries: p.keyIndustries,
      milestones: [...p.milestones].sort((a, b) => a.year - b.year).map((m) => ({ year: m.year, coverageTarget: m.coverageTarget, accidentRateReduction: m.accidentRateReduction ?? null })),
    };
    if (
      have &&
      periodSnapshot({
        ...have,
        positions: have.positions.map((x) => x.positionCode),
        industries: have.industries.map((x) => x.industryCode),
        milestones: have.milestones.map((m) => ({ year: m.year, coverageTarget: m.coverageTarget, accidentRateReduction: m.accidentRateReduction })),
      }) === periodSnapshot(wanted)
    ) {
      report.periods.unchanged++;
      continue;
    }
    const row = {
      name: p.name,
      nameEn: p.nameEn,
      startYear: p.startYear,
      endYear: p.endYear,
      coverageTarget: p.coverageTarget,
      satisfactionTarget: p.satisfactionTarget,
      source: p.source,
    };
    await tx.planPeriod.upsert({ where: { id: p.id }, create: { id: p.id, ...row }, update: row });
    await tx.planPeriodPosition.deleteMany({ where: { periodId: p.id } });
    await tx.planPeriodPosition.createMany({ data: p.keyPositions.map((positionCode) => ({ periodId: p.id, positionCode })) });
    await tx.planPeriodIndustry.deleteMany({ where: { periodId: p.id } });
    await tx.planPeriodIndustry.createMany({ data: p.keyIndustries.map((industryCode) => ({ periodId: p.id, industryCode })) });
    await tx.planMilestone.deleteMany({ where: { periodId: p.id } });
    await tx.planMilestone.createMany({
      data: p.milestones.map((m) => ({ periodId: p.id, year: m.year, coverageTarget: m.coverageTarget, accidentRateReduction: m.accidentRateReduction ?? null })),
    });
    report.periods.written++;
  }
}

const FAMILY = { TECH_SCHOOL: "TECH_SCHOOL", HAZCHEM_THREE_CATEGORIES: "HAZCHEM_THREE_CATEGORIES", TWO_REDUCTIONS: "TWO_REDUCTIONS", GENERAL: "GENERAL" } as const;
const QUESTION_TYPE = { single: "SINGLE", multiple: "MULTIPLE", true_false: "TRUE_FALSE" } as const;

async function syncCourses(tx: Tx, content: LoadedContent, report: SyncReport) {
  const now = new Date();
  const courseHashes = new Map((await tx.course.findMany({ select: { id: true, contentHash: true, archivedAt: true } })).map((r) => [r.id, r]));
  const lessonHashes = new Map((await tx.lesson.findMany({ select: { id: true, contentHash: true, archivedAt: true } })).map((r) => [r.id, r]));
  const questionHashes = new Map((await tx.question.findMany({ select: { id: true, contentHash: true, archivedAt: true } })).map((r) => [r.id, r]));
  const unchanged = (have: { contentHash: string; archivedAt: Date | null } | undefined, hash: string) => have && have.contentHash === hash && !have.archivedAt;

  for (const course of content.courses) {
    if (unchanged(courseHashes.get(course.id), course.contentHash)) report.courses.unchanged++;
    else {
      const row = {
        title: course.title,
        family: FAMILY[course.family],
        summary: course.summary,
        description: course.description,
        classHours: course.classHours,
        minutesPerClassHour: course.minutesPerClassHour,
        audience: course.audience,
        exam: course.exam ?? DbNull,
        certificate: course.certificate,
        sourcePath: course.sourcePath,
        contentHash: course.contentHash,
        archivedAt: null,
      };
      await tx.course.upsert({ where: { id: course.id }, create: { id: course.id, ...row }, update: row });
      report.courses.written++;
    }

    for (const lesson of course.lessons) {
      if (unchanged(lessonHashes.get(lesson.id), lesson.contentHash)) {
        report.lessons.unchanged++;
        continue;
      }
      const row = {
        courseId: course.id,
        position: lesson.position,
        title: lesson.title,
        kind: lesson.kind === "video" ? ("VIDEO" as const) : ("READING" as const),
        body: lesson.body,
        videoSrc: lesson.video?.src ?? null,
        videoPlaybackId: lesson.video?.playbackId ?? null,
        durationSeconds: lesson.video?.durationSeconds ?? null,
        minReadingSeconds: lesson.minReadingMinutes ? Math.round(lesson.minReadingMinutes * 60) : null,
        positions: lesson.positions,
        hazards: lesson.hazards,
        checkpoints: lesson.checkpoints.map((cp, i) => ({ id: `${lesson.id}#${i + 1}`, atSeconds: cp.at, questionId: cp.question })),
        sourcePath: lesson.sourcePath,
        contentHash: lesson.contentHash,
        archivedAt: null,
      };
      await tx.lesson.upsert({ where: { id: lesson.id }, create: { id: lesson.id, ...row }, update: row });
      report.lessons.written++;
    }

    for (const q of course.questions) {
      if (unchanged(questionHashes.get(q.id), q.contentHash)) {
        report.questions.unchanged++;
        continue;
      }
      const row = {
        courseId: course.id,
        lessonId: q.lesson ?? null,
        pool: q.pool === "exam" ? ("EXAM" as const) : ("PRACTICE" as const),
        type: QUESTION_TYPE[q.type],
        topic: q.topic,
        stem: q.stem,
        options: q.type === "true_false" ? [{ key: "T", text: "正确" }, { key: "F", text: "错误" }] : (q.options ?? []),
        answer: typeof q.answer === "boolean" ? [q.answer ? "T" : "F"] : q.answer,
        explanation: q.explanation,
        basis: q.basis,
        sourcePath: q.sourcePath,
        contentHash: q.contentHash,
        archivedAt: null,
      };
      await tx.question.upsert({ where: { id: q.id }, create: { id: q.id, ...row }, update: row });
      report.questions.written++;
    }
  }

  // What left content/ is archived, not deleted.
  const courseIds = content.courses.map((c) => c.id);
  const lessonIds = content.courses.flatMap((c) => c.lessons.map((l) => l.id));
  const questionIds = content.courses.flatMap((c) => c.questions.map((q) => q.id));
  report.courses.archived = (await tx.course.updateMany({ where: { id: { notIn: courseIds }, archivedAt: null }, data: { archivedAt: now } })).count;
  report.lessons.archived = (await tx.lesson.updateMany({ where: { id: { notIn: lessonIds }, archivedAt: null }, data: { archivedAt: now } })).count;
  report.questions.archived = (await tx.question.updateMany({ where: { id: { notIn: questionIds }, archivedAt: null }, data: { archivedAt: now } })).count;
}

/** 两降两增 hazard reports: the investigation per enterprise and its hazards, by stable id. */
async function syncHazards(tx: Tx, content: LoadedContent, report: SyncReport) {
  const have = new Map((await tx.enterpriseHazard.findMany({ select: { id: true, contentHash: true, archivedAt: true } })).map((h) => [h.id, h]));
  for (const r of content.hazardReports) {
    const investigation = {
      by: r.investigation.by,
      startedOn: r.investigation.startedOn,
      endedOn: r.investigation.endedOn,
      summary: r.investigation.summary,
      sourcePath: r.sourcePath,
      contentHash: r.contentHash,
      archivedAt: null,
    };
    await tx.hazardInvestigation.upsert({ where: { creditCode: r.enterprise }, create: { creditCode: r.enterprise, ...investigation }, update: investigation });
    for (const h of r.hazards) {
      const contentHash = createHash("sha256").update(JSON.stringify(h)).digest("hex").slice(0, 32);
      const existing = have.get(h.id);
      if (existing && existing.contentHash === contentHash && !existing.archivedAt) {
        report.hazards.unchanged++;
        continue;
      }
      const row = {
        creditCode: r.enterprise,
        category: h.category,
        level: h.level,
        location: h.location,
        description: h.description,
        measure: h.measure,
        foundOn: h.foundOn,
        status: h.status,
        rectifiedOn: h.rectifiedOn ?? null,
        deadline: h.deadline ?? null,
        sourcePath: r.sourcePath,
        contentHash,
        archivedAt: null,
      };
      await tx.enterpriseHazard.upsert({ where: { id: h.id }, create: { id: h.id, ...row }, update: row });
      report.hazards.written++;
    }
  }
  const ids = content.hazardReports.flatMap((r) => r.hazards.map((h) => h.id));
  report.hazards.archived = (await tx.enterpriseHazard.updateMany({ where: { id: { notIn: ids }, archivedAt: null }, data: { archivedAt: new Date() } })).count;
  await tx.hazardInvestigation.updateMany({ where: { creditCode: { notIn: content.hazardReports.map((r) => r.enterprise) }, archivedAt: null }, data: { archivedAt: new Date() } });
}

/** Survey templates from content/ by id; templates providers built (ownerId set) are never touched. */
async function syncSurveyTemplates(tx: Tx, content: LoadedContent, report: SyncReport) {
  const have = new Map((await tx.surveyTemplate.findMany({ where: { ownerId: null }, select: { id: true, contentHash: true, archivedAt: true } })).map((t) => [t.id, t]));
  for (const t of content.surveyTemplates) {
    const existing = have.get(t.id);
    if (existing && existing.contentHash === t.contentHash && !existing.archivedAt) {
      report.surveyTemplates.unchanged++;
      continue;
    }
    const row = { title: t.title, intro: t.intro, items: t.items, ownerId: null, sourcePath: t.sourcePath, contentHash: t.contentHash, archivedAt: null };
    await tx.surveyTemplate.upsert({ where: { id: t.id }, create: { id: t.id, ...row }, update: row });
    report.surveyTemplates.written++;
  }
  const ids = content.surveyTemplates.map((t) => t.id);
  report.surveyTemplates.archived = (await tx.surveyTemplate.updateMany({ where: { ownerId: null, id: { notIn: ids }, archivedAt: null }, data: { archivedAt: new Date() } })).count;
}
