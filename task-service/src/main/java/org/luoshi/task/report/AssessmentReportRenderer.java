package org.luoshi.task.report;

import jakarta.enterprise.context.ApplicationScoped;

/** Lays out an {@link AssessmentReportModel} as the assessment report (评估报告), in .docx and .pdf. */
@ApplicationScoped
public class AssessmentReportRenderer {

    public RenderedReport render(AssessmentReportModel model) {
        throw new UnsupportedOperationException("assessment report rendering is not implemented yet");
    }
}
