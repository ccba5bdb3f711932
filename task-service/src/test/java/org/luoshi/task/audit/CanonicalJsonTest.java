package org.luoshi.task.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.luoshi.task.audit.domain.CanonicalJson;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One text per JSON value, whatever order, spacing or number form it came in. */
class CanonicalJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void keysAreSortedAtEveryLevelAndNoWhitespaceIsKept() {
        assertThat(CanonicalJson.canonicalise("{ \"b\" : 1, \"aa\": {\"z\": [ 1 , {\"y\":2, \"x\":3} ], \"a\": null}}"))
                .isEqualTo("{\"aa\":{\"a\":null,\"z\":[1,{\"x\":3,\"y\":2}]},\"b\":1}");
    }

    @Test
    void aNumberHasOneFormWhicheverWayItWasWritten() {
        assertThat(List.of("1.5", "1.50", "15e-1", "1.5E0", "0.15e1")).allSatisfy(
                n -> assertThat(CanonicalJson.canonicalise("[" + n + "]")).isEqualTo("[1.5]"));
        assertThat(List.of("100", "100.0", "1e2", "1E+2", "100.000")).allSatisfy(
                n -> assertThat(CanonicalJson.canonicalise("[" + n + "]")).isEqualTo("[100]"));
        assertThat(List.of("0", "-0", "0.0", "-0.0", "0e10")).allSatisfy(
                n -> assertThat(CanonicalJson.canonicalise("[" + n + "]")).isEqualTo("[0]"));
        assertThat(CanonicalJson.canonicalise("[1e-7, -2.50, 123456789012345678901234567890.10]"))
                .isEqualTo("[0.0000001,-2.5,123456789012345678901234567890.1]");
    }

    @Test
    void javaNumbersAreWrittenAsTheirDecimalValue() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("double", 0.1);
        values.put("float", 0.1f);
        values.put("whole", 2.0);
        values.put("big", new BigDecimal("1E+3"));
        values.put("long", Long.MAX_VALUE);
        values.put("bigint", new BigInteger("-123456789012345678901234567890"));
        assertThat(CanonicalJson.write(mapper.valueToTree(values))).isEqualTo(
                "{\"big\":1000,\"bigint\":-123456789012345678901234567890,\"double\":0.1,\"float\":0.1,"
                        + "\"long\":9223372036854775807,\"whole\":2}");
    }

    @Test
    void stringsEscapeOnlyWhatJsonRequires() {
        String text = "落实 \"q\" \\ / \n\t\r\b\f \u0001 \u001f \u2028 é 😀";
        assertThat(CanonicalJson.quote(text))
                .isEqualTo("\"落实 \\\"q\\\" \\\\ / \\n\\t\\r\\b\\f \\u0001 \\u001f \u2028 é 😀\"");
        assertThat(CanonicalJson.canonicalise("[\"\\u843d\\u5b9e \\/ \\u00e9\"]")).isEqualTo("[\"落实 / é\"]");
    }

    @Test
    void postgresqlsJsonbOutputCanonicalisesBackToTheSameText() {
        // how PostgreSQL prints jsonb: shorter keys first, a space after ':' and ','
        String canonical = "{\"aa\":[1.5,\"x\"],\"b\":{\"c\":true,\"dd\":null}}";
        String asPrinted = "{\"b\": {\"c\": true, \"dd\": null}, \"aa\": [1.5, \"x\"]}";
        assertThat(CanonicalJson.canonicalise(asPrinted)).isEqualTo(canonical);
    }

    @Test
    void canonicalisingTwiceChangesNothing() {
        String once = CanonicalJson.canonicalise(
                "{\"n\": [1.0, 2e3, -0.5e-3], \"s\": \"a\\u0000b\\u007f\", \"o\": {\"ü\": 1, \"u\": 2, \"U\": 3}}");
        assertThat(CanonicalJson.canonicalise(once)).isEqualTo(once);
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.canonicalise("{\"a\": 1} trailing"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
