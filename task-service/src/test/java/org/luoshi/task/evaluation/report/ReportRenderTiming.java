package org.luoshi.task.evaluation.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Not a test (speed is never asserted): renders {@link ReportModels#full()} (10 indicators, 11 chapters, 45
 * departments) into a folder for a look, then times repeated renders after a warm-up. Run from the repository root:
 *
 * <pre>
 * ./mvnw -o -q -pl task-service test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp task-service/target/classes:task-service/target/test-classes:$(cat task-service/target/cp.txt) \
 *     org.luoshi.task.evaluation.report.ReportRenderTiming /tmp/report 20
 * </pre>
 */
final class ReportRenderTiming {
    private ReportRenderTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/report");
        int renders = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        AssessmentReportRenderer renderer = new AssessmentReportRenderer(
                ReportFonts.locate(Optional.empty(), Optional.empty()));
        RenderedReport report = renderer.render(ReportModels.full());
        Files.createDirectories(dir);
        Files.write(dir.resolve("report.docx"), report.docx());
        Files.write(dir.resolve("report.pdf"), report.pdf());
        for (int i = 0; i < 3; i++) {
            renderer.render(ReportModels.full());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < renders; i++) {
            renderer.render(ReportModels.full());
        }
        System.out.printf("%d renders: %d ms wall, %d ms CPU per render (docx %d bytes, pdf %d bytes)%n", renders,
                (System.nanoTime() - wall) / 1_000_000 / renders,
                (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000 / renders, report.docx().length,
                report.pdf().length);
    }
}
