package org.luoshi.task.disclosure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.plan.domain.PlanStatus;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The supervising office publishes a plan's status; what was published stays as it was. */
@QuarkusTest
class PublishingStatusSnapshotsTest {
    @Inject
    DisclosureFixtures fixtures;

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aPublishedSnapshotShowsProgressByChapterAndDepartmentAndTheIndicatorsOriginalAndAdjustedTargets() {
        DisclosureFixtures.SamplePlan plan = fixtures.plan(PlanStatus.IN_FORCE);
        fixtures.adjustTarget(plan.indicatorId(), "8500");

        long id = publish(plan.planId()).then().statusCode(201)
                .header("Location", startsWith("http")).body("trigger", equalTo("MANUAL"))
                .extract().jsonPath().getLong("snapshotId");

        Response response = given().when().get("/api/public/snapshots/" + id);
        response.then().statusCode(200);
        JsonPath snapshot = response.jsonPath();
        assertThat(snapshot.getLong("snapshotId")).isEqualTo(id);
        assertThat(snapshot.getLong("plan.id")).isEqualTo(plan.planId());
        assertThat(snapshot.getString("plan.title")).startsWith("公开测试规划");
        assertThat(snapshot.getInt("overall.tasks")).isEqualTo(3);
        assertThat(snapshot.getInt("overall.completed")).isEqualTo(1);
        // the context chapter has no progress to show; a task chapter without tasks does, and tasks outside the text last
        assertThat(snapshot.getList("chapters.chapterNumber")).containsExactly("二", "三", null);
        assertThat(snapshot.getInt("chapters[0].tasks")).isEqualTo(2);
        assertThat(snapshot.getInt("chapters[0].red")).isEqualTo(1);
        assertThat(snapshot.getString("chapters[0].completionPercent")).isEqualTo("50.0");
        assertThat(snapshot.getList("departments.departmentCode")).containsExactly("haidian", "stc-zgc", null);
        assertThat(snapshot.getString("departments[2].departmentName")).isEqualTo("未交办");
        assertThat(snapshot.getInt("departments[0].milestones")).isEqualTo(1);

        assertThat(snapshot.getString("indicators[0].originalTargetValue")).isEqualTo("8000");
        assertThat(snapshot.getString("indicators[0].originalComparison")).isEqualTo("超过");
        assertThat(snapshot.getBoolean("indicators[0].targetAdjusted")).isTrue();
        assertThat(snapshot.getString("indicators[0].adjustedTargetValue")).isEqualTo("8500");
        assertThat(snapshot.getString("indicators[0].adjustedComparison")).isEqualTo("不低于");
        assertThat(snapshot.getString("indicators[0].latestValue")).isEqualTo("7800.5");
        assertThat(snapshot.getInt("indicators[0].latestYear")).isEqualTo(2024);
        assertThat(snapshot.getString("indicators[0].latestRevision")).isEqualTo("初步数");
        assertThat(snapshot.getString("indicators[0].status")).isNotBlank();
        assertThat(snapshot.getString("indicators[0].progressPercent")).isNotBlank();

        String sha = DisclosureFixtures.sha256(response.asByteArray());
        assertThat(response.header("ETag")).isEqualTo("\"" + sha + "\"");
        assertThat(response.header("Cache-Control")).contains("immutable");
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void nothingInternalIsPublished() {
        DisclosureFixtures.SamplePlan plan = fixtures.plan(PlanStatus.IN_FORCE);
        long id = publish(plan.planId()).then().statusCode(201).extract().jsonPath().getLong("snapshotId");
        String text = given().when().get("/api/public/snapshots/" + id).then().statusCode(200).extract().asString();
        assertThat(text).doesNotContain(DisclosureFixtures.SECRET_TASK_TITLE, DisclosureFixtures.SECRET_REPORTER, "chen.jing",
                "fixtures", "内部备注");
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void thePublishedContentDoesNotChangeWhenTasksChangeAfterwards() {
        DisclosureFixtures.SamplePlan plan = fixtures.plan(PlanStatus.IN_FORCE);
        long first = publish(plan.planId()).then().statusCode(201).extract().jsonPath().getLong("snapshotId");
        byte[] before = given().when().get("/api/public/snapshots/" + first).then().extract().asByteArray();

        fixtures.completeTask(plan.openTaskId());
        fixtures.adjustTarget(plan.indicatorId(), "9000");

        byte[] after = given().when().get("/api/public/snapshots/" + first).then().statusCode(200).extract().asByteArray();
        assertThat(after).isEqualTo(before);
        assertThat(new String(after, StandardCharsets.UTF_8)).doesNotContain("9000");
        long second = publish(plan.planId()).then().statusCode(201).extract().jsonPath().getLong("snapshotId");
        JsonPath now = given().when().get("/api/public/snapshots/" + second).then().extract().jsonPath();
        assertThat(now.getInt("overall.completed")).isEqualTo(2);
        assertThat(now.getString("indicators[0].adjustedTargetValue")).isEqualTo("9000");
        given().when().get("/api/public/plans/" + plan.planId() + "/snapshots").then().statusCode(200)
                .body("snapshotId", equalTo(java.util.List.of((int) second, (int) first)));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aDraftPlanIsNotPublished() {
        DisclosureFixtures.SamplePlan plan = fixtures.plan(PlanStatus.DRAFT);
        publish(plan.planId()).then().statusCode(409).contentType("application/problem+json");
        given().when().get("/api/public/plans/" + plan.planId() + "/snapshots").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"haidian\"]", type = ClaimType.JSON_ARRAY))
    void staffMayNotPublish() {
        DisclosureFixtures.SamplePlan plan = fixtures.plan(PlanStatus.IN_FORCE);
        publish(plan.planId()).then().statusCode(403);
        given().when().get("/api/plans/" + plan.planId() + "/disclosure-schedule").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void publishingIsInTheAuditLog() {
        DisclosureFixtures.SamplePlan plan = fixtures.plan(PlanStatus.IN_FORCE);
        JsonPath published = publish(plan.planId()).then().statusCode(201).extract().jsonPath();
        long id = published.getLong("snapshotId");
        given().queryParam("entityType", "disclosure-snapshot").queryParam("entityId", String.valueOf(id))
                .when().get("/api/audit").then().statusCode(200)
                .body("items[0].action", equalTo("disclosure.published"))
                .body("items[0].actor", equalTo("chen.jing"))
                .body("items[0].after.sha256", equalTo(published.getString("sha256")))
                .body("items[0].after.planId", equalTo((int) plan.planId()));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void theDatabaseRefusesToChangeOrDeleteAPublishedSnapshot() {
        DisclosureFixtures.SamplePlan plan = fixtures.plan(PlanStatus.IN_FORCE);
        long id = publish(plan.planId()).then().statusCode(201).extract().jsonPath().getLong("snapshotId");
        for (String sql : java.util.List.of("update disclosure_snapshot set content = '{}' where id = " + id,
                "delete from disclosure_snapshot where id = " + id)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .run(() -> entityManager.createNativeQuery(sql).executeUpdate()))
                    .hasStackTraceContaining("immutable");
        }
        given().when().get("/api/public/snapshots/" + id).then().statusCode(200).body("snapshotId", equalTo((int) id));
    }

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void theSupervisorListsAPlansSnapshotsWithWhatAndWhoPublishedThemAndNoneYetIsAnEmptyList() {
        DisclosureFixtures.SamplePlan plan = fixtures.plan(PlanStatus.IN_FORCE);
        // a plan not yet published: an empty list, not the public list's 404
        given().when().get("/api/plans/" + plan.planId() + "/disclosures").then().statusCode(200).body("size()", equalTo(0));
        long id = publish(plan.planId()).then().statusCode(201).extract().jsonPath().getLong("snapshotId");

        JsonPath list = given().when().get("/api/plans/" + plan.planId() + "/disclosures").then().statusCode(200)
                .extract().jsonPath();
        assertThat(list.getList("snapshotId", Long.class)).containsExactly(id);
        assertThat(list.getString("[0].trigger")).isEqualTo("MANUAL");
        assertThat(list.getString("[0].publishedBy")).isEqualTo("chen.jing");
        assertThat(list.getString("[0].publishedAt")).isNotBlank();
        given().when().get("/api/plans/" + Long.MAX_VALUE + "/disclosures").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"haidian\"]", type = ClaimType.JSON_ARRAY))
    void staffDoNotListWhoPublished() {
        given().when().get("/api/plans/1/disclosures").then().statusCode(403);
    }

    static Response publish(long planId) {
        return given().when().post("/api/plans/" + planId + "/disclosures");
    }
}
