package org.luoshi.task;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.luoshi.startup.RequiredEnvironment;

/** The packaged application's entry point: it refuses to start, naming what is missing, before Quarkus starts. */
@QuarkusMain
public class TaskServiceMain {
    public static void main(String... args) {
        RequiredEnvironment.requireOrExit("task-service");
        Quarkus.run(args);
    }
}
