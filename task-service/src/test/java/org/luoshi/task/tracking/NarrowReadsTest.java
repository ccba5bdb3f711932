package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;
import org.luoshi.task.plan.domain.PlanChapter;
import org.luoshi.task.plan.domain.PlanSection;
import org.luoshi.task.plan.persistence.ChapterRepository;
import org.luoshi.task.plan.persistence.SectionRepository;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.persistence.TaskRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * The start of tracking reads a task and adds milestones many thousand times: each reads what it answers with, not the
 * rest of the plan or the task's other milestones (issue 15). Counted with Hibernate's statistics, never timed.
 */
@QuarkusTest
@TestSecurity(user = "chen.jing", roles = "supervisor")
class NarrowReadsTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Fixtures fixtures;

    @Inject
    SessionFactory sessions;

    @Inject
    ChapterRepository chapters;

    @Inject
    SectionRepository sections;

    @Inject
    TaskRepository tasks;

    @Test
    void anAddedMilestoneTakesTheNextOrdinalAndMovesTheTasksVersionWithoutLoadingItsOtherMilestones() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian");
        addMilestone(taskId, "一期");
        addMilestone(taskId, "二期");
        int versionBefore = given().when().get("/api/tasks/" + taskId).then().statusCode(200).extract().path("version");
        Statistics statistics = counting();
        addMilestone(taskId, "三期");
        long collectionsLoaded = statistics.getCollectionStatistics(PlanTask.class.getName() + ".milestones").getLoadCount();
        statistics.setStatisticsEnabled(false);

        assertThat(collectionsLoaded).isZero();
        given().when().get("/api/tasks/" + taskId).then().statusCode(200)
                .body("milestones.title", contains("一期", "二期", "三期"))
                .body("milestones.ordinal", contains(1, 2, 3))
                .body("version", equalTo(versionBefore + 1));
    }

    @Test
    void aTasksViewReadsItsOwnSectionAndChapterNotTheWholePlans() {
        long taskId = taskInTheSecondChaptersThirdSection();
        Statistics statistics = counting();
        given().when().get("/api/tasks/" + taskId).then().statusCode(200)
                .body("reference", equalTo("二（三）2"))
                .body("chapterTitle", equalTo("二、第2章"))
                .body("sectionTitle", equalTo("（三）第2章第3节"));
        long sectionsLoaded = statistics.getEntityStatistics(PlanSection.class.getName()).getLoadCount();
        long chaptersLoaded = statistics.getEntityStatistics(PlanChapter.class.getName()).getLoadCount();
        statistics.setStatisticsEnabled(false);

        assertThat(sectionsLoaded).isEqualTo(1);
        assertThat(chaptersLoaded).isEqualTo(1);
    }

    /** A task at "二（三）2" of a plan of three chapters with four sections each. */
    private long taskInTheSecondChaptersThirdSection() {
        long planId = fixtures.planInForce();
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanSection own = null;
            for (int c = 1; c <= 3; c++) {
                PlanChapter chapter = new PlanChapter();
                chapter.planId = planId;
                chapter.ordinal = c;
                chapter.number = new String[] { "一", "二", "三" }[c - 1];
                chapter.title = "第" + c + "章";
                chapters.persist(chapter);
                for (int s = 1; s <= 4; s++) {
                    PlanSection section = new PlanSection();
                    section.chapterId = chapter.id;
                    section.ordinal = s;
                    section.number = "（" + new String[] { "一", "二", "三", "四" }[s - 1] + "）";
                    section.title = "第" + c + "章第" + s + "节";
                    sections.persist(section);
                    if (c == 2 && s == 3) {
                        own = section;
                    }
                }
            }
            PlanTask task = tasks.findById(fixtures.assignedTask(planId, "haidian"));
            task.sectionId = own.id;
            task.ordinal = 2;
            return task.id;
        });
    }

    @Test
    @TestSecurity(user = "luoshi-workflow", roles = "service")
    void startingToTrackAMilestoneReadsItsTaskAndPlaceButNoSectionChapterOrOtherMilestone() {
        long taskId = taskInTheSecondChaptersThirdSection();
        fixtures.milestone(taskId, "一期", TODAY.plusDays(30));
        long milestoneId = fixtures.milestone(taskId, "二期", TODAY.plusDays(60));
        Statistics statistics = counting();
        given().contentType(ContentType.JSON).body("{\"taskId\":" + taskId + "}")
                .when().put("/api/milestones/" + milestoneId + "/tracking").then().statusCode(200)
                .body("taskReference", equalTo("二（三）2"))
                .body("title", equalTo("二期"));
        long collectionsLoaded = statistics.getCollectionStatistics(PlanTask.class.getName() + ".milestones").getLoadCount();
        long sectionsLoaded = statistics.getEntityStatistics(PlanSection.class.getName()).getLoadCount();
        long chaptersLoaded = statistics.getEntityStatistics(PlanChapter.class.getName()).getLoadCount();
        statistics.setStatisticsEnabled(false);

        assertThat(collectionsLoaded).isZero();
        assertThat(sectionsLoaded).isZero();
        assertThat(chaptersLoaded).isZero();
    }

    @Test
    @TestSecurity(user = "luoshi-workflow", roles = "service")
    void startingToTrackReadsTheMilestoneTaskCoDepartmentsAndPlaceInOneStatementAndNamesEachCoDepartmentOnce() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian", java.util.List.of("eit", "drc"),
                TODAY.plusDays(90), "两个配合单位");
        long milestoneId = fixtures.milestone(taskId, "一期", TODAY.plusDays(30));
        Statistics statistics = counting();
        given().contentType(ContentType.JSON).body("{\"taskId\":" + taskId + "}")
                .when().put("/api/milestones/" + milestoneId + "/tracking").then().statusCode(200)
                .body("coDepartmentCodes", contains("drc", "eit"))
                .body("taskReference", equalTo("#" + taskId))
                .body("newlyTracked", equalTo(true));
        long statements = statistics.getPrepareStatementCount();
        long coDepartmentsReadAlone = statistics.getCollectionStatistics(PlanTask.class.getName() + ".coDepartmentCodes")
                .getFetchCount();
        statistics.setStatisticsEnabled(false);

        assertThat(coDepartmentsReadAlone).isZero();
        assertThat(statements).as("the read, and the milestone's update (the audit entry is written by JDBC)").isEqualTo(2);
    }

    private Statistics counting() {
        Statistics statistics = sessions.getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        return statistics;
    }

    private static void addMilestone(long taskId, String title) {
        given().contentType(ContentType.JSON).body("{\"title\":\"" + title + "\",\"dueDate\":\"" + TODAY.plusDays(30) + "\"}")
                .when().post("/api/tasks/" + taskId + "/milestones").then().statusCode(201);
    }
}
