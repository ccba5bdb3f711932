package org.luoshi.task.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The departments in the database, in docs/departments.tsv and in the Keycloak realm are the same. */
@QuarkusTest
class DepartmentCatalogTest {

    @Test
    @TestSecurity(user = "zhao.min", roles = "evaluator")
    void theServiceKnowsExactlyTheDepartmentsOfTheCanonicalList() throws IOException {
        List<Map<String, Object>> served = given().when().get("/api/departments")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, String> servedNames = new TreeMap<>();
        served.forEach(d -> servedNames.put((String) d.get("code"), d.get("nameZh") + "|" + d.get("kind")));

        Map<String, String> canonical = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("../docs/departments.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            canonical.put(cols[0], cols[1] + "|" + cols[3]);
        }
        assertThat(servedNames).isEqualTo(canonical);
        assertThat(canonical).containsKeys("haidian", "yanqing", "stc-zgc", "supervision");
    }

    @Test
    void everyDepartmentIsAGroupOfTheRealmSoItsStaffCarryItsCode() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(Path.of("../auth/realm/luoshi-realm.json").toFile());
        List<String> groupCodes = new ArrayList<>();
        for (JsonNode group : realm.path("groups")) {
            if (group.path("name").asText().equals("departments")) {
                group.path("subGroups").forEach(sub -> groupCodes.add(sub.path("name").asText()));
            }
        }
        List<String> canonical = Files.readAllLines(Path.of("../docs/departments.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t")[0]).toList();
        assertThat(groupCodes).containsExactlyInAnyOrderElementsOf(canonical);
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    void anUnknownDepartmentCodeIsNotFound() {
        given().when().get("/api/departments/atlantis").then().statusCode(404);
    }
}
