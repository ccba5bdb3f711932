package org.luoshi.workflow;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.luoshi.startup.RequiredEnvironment;

/** The packaged application's entry point: it refuses to start, naming what is missing, before Quarkus starts. */
@QuarkusMain
public class WorkflowServiceMain {
    public static void main(String... args) {
        RequiredEnvironment.requireOrExit("workflow-service");
        Quarkus.run(args);
    }
}
