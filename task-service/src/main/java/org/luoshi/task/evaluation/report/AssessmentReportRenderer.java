package org.luoshi.task.evaluation.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Lays out an {@link AssessmentReportModel} as the assessment report (评估报告), once as .docx and once as .pdf with
 * the same content. Rendering is deterministic: the same model always gives byte-identical files, so a report's
 * SHA-256 identifies its content.
 *
 * <p>The PDF needs CJK fonts with TrueType outlines ({@link ReportFonts}). They are read at the first render;
 * a misconfigured {@code luoshi.report.font} fails the start, missing default fonts only warn then (the rest of the
 * service works without them) and fail each render with {@link ReportFonts.ReportFontsUnavailableException}.
 */
@ApplicationScoped
public class AssessmentReportRenderer {
    private static final Logger LOG = Logger.getLogger(AssessmentReportRenderer.class);

    private final Optional<String> bodyFont;
    private final Optional<String> headingFont;
    private volatile ReportFonts fonts;

    @Inject
    public AssessmentReportRenderer(@ConfigProperty(name = ReportFonts.BODY_KEY) Optional<String> bodyFont,
            @ConfigProperty(name = ReportFonts.HEADING_KEY) Optional<String> headingFont) {
        this.bodyFont = bodyFont;
        this.headingFont = headingFont;
    }

    /** With fonts already located: for callers outside CDI. */
    public AssessmentReportRenderer(ReportFonts fonts) {
        this.bodyFont = Optional.empty();
        this.headingFont = Optional.empty();
        this.fonts = fonts;
    }

    /**
     * Fonts set explicitly are read and checked now, so that a wrong one fails the start. The defaults are only looked
     * for: reading and checking them took 2–6 s of the start and kept ~40 MB in the heap of a service that may never
     * render a report; the first report reads them (and fails clearly if they cannot be used).
     */
    void checkFonts(@Observes StartupEvent event) {
        boolean configured = bodyFont.filter(s -> !s.isBlank()).isPresent()
                || headingFont.filter(s -> !s.isBlank()).isPresent();
        try {
            if (configured) {
                ReportFonts located = fonts();
                LOG.infof("assessment reports use the fonts %s (body) and %s (headings)", located.bodyPath(),
                        located.headingPath());
            } else {
                List<Path> found = ReportFonts.choose(bodyFont, headingFont);
                LOG.infof("assessment reports will use the fonts %s (body) and %s (headings), read at the first report",
                        found.get(0), found.get(1));
            }
        } catch (ReportFonts.ReportFontsUnavailableException e) {
            if (configured) {
                throw e;
            }
            LOG.warnf("assessment reports cannot be generated until a CJK font is installed: %s", e.getMessage());
        }
    }

    public RenderedReport render(AssessmentReportModel model) {
        ReportFonts located = fonts();
        ReportDocument document = new ReportComposer(new ReportCharts(located.chartFont())).compose(model);
        byte[] docx = new DocxReportWriter().write(document, model.organisationName(), model.asOf());
        byte[] pdf = new PdfReportWriter(located).write(document, model.organisationName(), model.asOf());
        return new RenderedReport(docx, pdf);
    }

    private ReportFonts fonts() {
        ReportFonts located = fonts;
        if (located == null) {
            synchronized (this) {
                located = fonts;
                if (located == null) {
                    located = ReportFonts.locate(bodyFont, headingFont);
                    fonts = located;
                }
            }
        }
        return located;
    }
}
