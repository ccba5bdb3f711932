package org.luoshi.task.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Not a test: renders the full model to /tmp for a look, and times repeated renders. */
final class RenderSmoke {
    public static void main(String[] args) throws Exception {
        AssessmentReportRenderer renderer = new AssessmentReportRenderer(ReportFonts.locate(Optional.empty(), Optional.empty()));
        RenderedReport r = renderer.render(ReportModels.full());
        Files.write(Path.of("/tmp/rpt/report.docx"), r.docx());
        Files.write(Path.of("/tmp/rpt/report.pdf"), r.pdf());
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        for (int i = 0; i < 2; i++) {
            renderer.render(ReportModels.full());
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            renderer.render(ReportModels.full());
        }
        if (n > 0) {
            System.out.println("ms per render: " + (System.nanoTime() - start) / 1_000_000 / n);
        }
    }
}
