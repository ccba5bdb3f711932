package org.luoshi.task.plan.importing.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The plan documents under src/test/resources/importing/. */
final class PlanFixtures {
    static final String BEIJING = "beijing-14th-fyp-sti-plan.html";
    static final String JIANGHAI = "jianghai-digital-economy-plan.html";
    static final String QINGHE = "qinghe-digital-village-plan.txt";

    private PlanFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = PlanFixtures.class.getClassLoader().getResourceAsStream("importing/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource importing/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
