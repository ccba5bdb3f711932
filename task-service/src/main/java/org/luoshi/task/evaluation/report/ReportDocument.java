package org.luoshi.task.evaluation.report;

import java.util.List;

/**
 * The report as a sequence of blocks, composed once and then written both as .docx and as .pdf: the two files can
 * only differ in layout, never in content.
 */
record ReportDocument(String title, List<String> subtitleLines, List<Block> blocks, String provenance) {

    sealed interface Block permits Heading, Paragraph, Table, Chart {
    }

    /** A numbered heading: level 1 "一、", level 2 "（一）", level 3 "1."; the number is part of {@code text}. */
    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /**
     * A table with one header row. {@code widths} are relative column widths; a cell's line breaks ("\n") are kept.
     * {@code small} tables use a smaller font to fit many columns on a portrait page.
     */
    record Table(String caption, List<String> header, List<List<String>> rows, int[] widths, boolean small)
            implements Block {
    }

    /** A chart as PNG; {@code widthPx}/{@code heightPx} give its aspect ratio. */
    record Chart(String caption, byte[] png, int widthPx, int heightPx) implements Block {
    }
}
